package io.trailwatch.query.ui;

import io.trailwatch.common.rest.ApiException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The filter parameters of the findings and events pages, read from the URL with the same limits and messages as
 * the JSON API, so a page shows the user the same explanation the API would.
 */
final class PageParams {

    static final int MAX_VALUES = 100;
    static final int MAX_TEXT = 1024;

    private final Map<String, List<String>> params;

    PageParams(Map<String, List<String>> params) {
        this.params = params;
    }

    /** The first value of a parameter as given (for showing it again in the form), or "". */
    String raw(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    /** Every value of a repeated and/or comma-separated parameter, trimmed, without duplicates. */
    List<String> list(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                String item = part.strip();
                if (!item.isEmpty()) {
                    result.add(checked(name, item));
                }
            }
        }
        if (result.size() > MAX_VALUES) {
            throw ApiException.badRequest("'" + name + "' may have at most " + MAX_VALUES + " values, got "
                    + result.size());
        }
        return new ArrayList<>(result);
    }

    /** A list parameter whose values must be among {@code allowed}. */
    List<String> list(String name, Set<String> allowed) {
        List<String> result = list(name);
        for (String value : result) {
            if (!allowed.contains(value)) {
                throw ApiException.badRequest("'" + name + "' must be among " + String.join(", ",
                        allowed.stream().sorted().toList()) + ", got '" + value + "'");
            }
        }
        return result;
    }

    /** A text parameter, trimmed; null when absent or blank. */
    String text(String name) {
        String value = raw(name);
        return value.isBlank() ? null : checked(name, value.strip());
    }

    Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.badRequest("'" + name + "' must be true or false, got '" + value + "'");
        };
    }

    /**
     * A point in time: ISO-8601 with an offset ({@code 2026-11-27T10:00:00Z}) or without one, which is read as UTC
     * (what a browser's date-time field sends).
     */
    Instant instant(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest("'" + name + "' must be a time such as 2026-11-27T10:00:00Z, got '"
                        + value + "'");
            }
        }
    }

    private static String checked(String name, String value) {
        if (value.length() > MAX_TEXT) {
            throw ApiException.badRequest("'" + name + "' may have at most " + MAX_TEXT + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            throw ApiException.badRequest("'" + name + "' must not contain U+0000");
        }
        return value;
    }
}
