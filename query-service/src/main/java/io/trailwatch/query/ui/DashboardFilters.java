package io.trailwatch.query.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's global filters as they appear in its URL: a range preset ({@code range=1h|24h|7d|30d}) or a custom
 * {@code from}/{@code to} (ISO-8601, or the {@code yyyy-MM-ddTHH:mm} of a datetime-local field, read as UTC), and any
 * number of {@code accountId} and {@code region} values (repeated or comma-separated).
 */
public record DashboardFilters(String range, Instant from, Instant to, List<String> accountIds, List<String> regions) {

    /** A range preset: URL key, button label, length. */
    public record Preset(String key, String label, Duration length) {
    }

    public static final String DEFAULT_RANGE = "24h";
    public static final String CUSTOM = "custom";
    public static final List<Preset> PRESETS = List.of(
            new Preset("1h", "1h", Duration.ofHours(1)),
            new Preset("24h", "24h", Duration.ofHours(24)),
            new Preset("7d", "7d", Duration.ofDays(7)),
            new Preset("30d", "30d", Duration.ofDays(30)));
    static final Duration MAX_RANGE = Duration.ofDays(400);
    static final int MAX_VALUES = 100;

    /** A filter value the user typed that cannot be used; the message names the parameter and the value. */
    public static final class InvalidFilter extends RuntimeException {
        InvalidFilter(String message) {
            super(message);
        }
    }

    public static DashboardFilters parse(String range, String from, String to, List<String> accountIds,
                                         List<String> regions, Instant now) {
        List<String> accounts = values("accountId", accountIds);
        List<String> regionList = values("region", regions);
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null || end != null) {
            if (end == null) {
                end = now;
            }
            if (start == null) {
                start = end.minus(Duration.ofHours(24));
            }
            if (!start.isBefore(end)) {
                throw new InvalidFilter("'from' (" + start + ") must be before 'to' (" + end + ")");
            }
            if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
                throw new InvalidFilter("the range from 'from' to 'to' may span at most " + MAX_RANGE.toDays()
                        + " days");
            }
            return new DashboardFilters(CUSTOM, start, end, accounts, regionList);
        }
        String key = range == null || range.isBlank() || range.equals(CUSTOM) ? DEFAULT_RANGE : range.strip();
        for (Preset preset : PRESETS) {
            if (preset.key().equals(key)) {
                return new DashboardFilters(key, now.minus(preset.length()), now, accounts, regionList);
            }
        }
        throw new InvalidFilter("'range' must be one of 1h, 24h, 7d or 30d, got '" + key + "'");
    }

    public static DashboardFilters defaults(Instant now) {
        return new DashboardFilters(DEFAULT_RANGE, now.minus(Duration.ofHours(24)), now, List.of(), List.of());
    }

    public boolean isCustom() {
        return CUSTOM.equals(range);
    }

    /** The URL query of these filters with another range preset (a preset drops from/to). */
    public String queryWithRange(String preset) {
        Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        params.put("range", List.of(preset));
        params.put("accountId", accountIds);
        params.put("region", regions);
        return QueryString.of(params);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException e2) {
                throw new InvalidFilter("'" + name + "' must be a time such as 2026-11-27T10:00:00Z, got '"
                        + (text.length() > 64 ? text.substring(0, 64) + "…" : text) + "'");
            }
        }
    }

    private static List<String> values(String name, List<String> raw) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (raw != null) {
            for (String value : raw) {
                for (String part : value.split(",")) {
                    String v = part.strip();
                    if (!v.isEmpty()) {
                        if (v.length() > 128) {
                            throw new InvalidFilter("'" + name + "' values may have at most 128 characters");
                        }
                        out.add(v);
                    }
                }
            }
        }
        if (out.size() > MAX_VALUES) {
            throw new InvalidFilter("at most " + MAX_VALUES + " '" + name + "' values are allowed");
        }
        return new ArrayList<>(out);
    }
}
