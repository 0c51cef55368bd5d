package io.trailwatch.query.rest;

import io.trailwatch.common.rest.ApiException;
import io.trailwatch.query.config.QueryConfig;
import io.trailwatch.query.repository.Cursor;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parsing of the query parameters the endpoints share, with errors that name the parameter. */
final class QueryParams {

    static final int MAX_VALUES = 100;
    static final int MAX_TEXT = 1024;

    private QueryParams() {
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be an ISO-8601 time such as 2026-11-27T10:00:00Z, got '"
                    + value + "'");
        }
    }

    /** A time range; {@code from} must be before {@code to} when both are given. */
    static Instant[] range(String from, String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiException.badRequest("'from' (" + start + ") must be before 'to' (" + end + ")");
        }
        return new Instant[] {start, end};
    }

    static Cursor cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Cursor.decode(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'cursor': " + e.getMessage());
        }
    }

    static int limit(Integer value, QueryConfig.Search search) {
        if (value == null) {
            return search.defaultLimit();
        }
        if (value < 1 || value > search.maxLimit()) {
            throw ApiException.badRequest("'limit' must be between 1 and " + search.maxLimit() + ", got " + value);
        }
        return value;
    }

    /** A list parameter: repeated and/or comma-separated values, trimmed, without duplicates. */
    static List<String> list(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String item = part.strip();
                if (!item.isEmpty()) {
                    result.add(checkText(name, item));
                }
            }
        }
        if (result.size() > MAX_VALUES) {
            throw ApiException.badRequest("'" + name + "' may have at most " + MAX_VALUES + " values, got "
                    + result.size());
        }
        return new ArrayList<>(result);
    }

    /** A list parameter whose values must come from {@code allowed}. */
    static List<String> list(String name, List<String> values, Set<String> allowed) {
        List<String> result = list(name, values);
        for (String value : result) {
            if (!allowed.contains(value)) {
                throw ApiException.badRequest("'" + name + "' must be among " + String.join(", ", allowed.stream()
                        .sorted().toList()) + ", got '" + value + "'");
            }
        }
        return result;
    }

    static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return checkText(name, value.strip());
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.badRequest("'" + name + "' must be true or false, got '" + value + "'");
        };
    }

    /** A duration such as 30s, 5m, 1h, 1d. */
    static Duration duration(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            Duration d = switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> null;
            };
            if (d != null && !d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // falls through to the error below
        }
        throw ApiException.badRequest("'" + name + "' must be a duration such as 60s, 5m, 1h or 1d, got '" + value
                + "'");
    }

    private static String checkText(String name, String value) {
        if (value.length() > MAX_TEXT) {
            throw ApiException.badRequest("'" + name + "' may have at most " + MAX_TEXT + " characters");
        }
        if (value.chars().anyMatch(c -> c == 0)) {
            throw ApiException.badRequest("'" + name + "' must not contain U+0000");
        }
        return value;
    }
}
