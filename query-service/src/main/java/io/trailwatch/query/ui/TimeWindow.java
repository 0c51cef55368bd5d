package io.trailwatch.query.ui;

import io.trailwatch.common.rest.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The time range of a list page: a preset relative to now (the last hour, 24 hours, 7 or 30 days, or everything) or
 * a custom from/to. Without any input it is the last 24 hours.
 *
 * @param preset the preset's key, or {@code custom}
 * @param from inclusive start, null for open
 * @param to exclusive end, null for open
 */
public record TimeWindow(String preset, Instant from, Instant to) {

    /** A preset: its URL key, its label, and its length (null = no bound). */
    public record Preset(String key, String label, Duration length) {
    }

    static final String DEFAULT = "24h";
    static final String CUSTOM = "custom";
    static final List<Preset> PRESETS = List.of(
            new Preset("1h", "Last hour", Duration.ofHours(1)),
            new Preset("24h", "Last 24 hours", Duration.ofHours(24)),
            new Preset("7d", "Last 7 days", Duration.ofDays(7)),
            new Preset("30d", "Last 30 days", Duration.ofDays(30)),
            new Preset("all", "Any time", null));

    /** Reads {@code range}, {@code from} and {@code to}; explicit times win over a preset. */
    static TimeWindow of(PageParams params, Instant now) {
        Instant from = params.instant("from");
        Instant to = params.instant("to");
        if (from != null || to != null) {
            if (from != null && to != null && !from.isBefore(to)) {
                throw ApiException.badRequest("'from' (" + from + ") must be before 'to' (" + to + ")");
            }
            return new TimeWindow(CUSTOM, from, to);
        }
        String key = params.text("range");
        if (key == null || key.equals(CUSTOM)) {
            key = DEFAULT;
        }
        Instant start = now.truncatedTo(ChronoUnit.SECONDS);
        for (Preset preset : PRESETS) {
            if (preset.key().equals(key)) {
                return new TimeWindow(key, preset.length() == null ? null : start.minus(preset.length()), null);
            }
        }
        throw ApiException.badRequest("'range' must be one of 1h, 24h, 7d, 30d, all or custom, got '" + key + "'");
    }

    /** The default window, for a page whose own parameters could not be read. */
    static TimeWindow defaultAt(Instant now) {
        return new TimeWindow(DEFAULT, now.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(24)), null);
    }

    /** What the list shows, e.g. "Last 24 hours" or "2026-11-27 10:00:00Z to now". */
    public String label() {
        for (Preset preset : PRESETS) {
            if (preset.key().equals(this.preset)) {
                return preset.label();
            }
        }
        return (from == null ? "the beginning" : PageFormat.utc(from)) + " to "
                + (to == null ? "now" : PageFormat.utc(to));
    }

    public boolean isCustom() {
        return CUSTOM.equals(preset);
    }
}
