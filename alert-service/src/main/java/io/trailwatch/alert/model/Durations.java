package io.trailwatch.alert.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the API writes them: {@code 0s}, {@code 30s}, {@code 5m}, {@code 4h}, {@code 1h30m}, {@code 500ms}. */
public final class Durations {

    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Duration MAX = Duration.ofDays(3650);

    private Durations() {
    }

    /** Parses {@code value}; the message names the field and shows valid examples. */
    public static Duration parse(String field, String value) {
        if (value == null || !WHOLE.matcher(value.trim()).matches()) {
            throw new IllegalArgumentException("'" + field + "' must be a duration such as 0s, 30s, 5m or 4h, got "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(value.trim());
        while (m.find()) {
            long amount;
            try {
                amount = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + field + "' is too long: '" + value + "'");
            }
            if (amount > MAX.toMillis()) {
                throw new IllegalArgumentException("'" + field + "' is too long: '" + value + "' (at most 3650d)");
            }
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            if (total.compareTo(MAX) > 0) {
                throw new IllegalArgumentException("'" + field + "' is too long: '" + value + "' (at most 3650d)");
            }
        }
        return total;
    }

    /** The shortest API form: {@code 90s} becomes {@code 1m30s}, zero is {@code 0s}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        long ms = duration.toMillis();
        StringBuilder out = new StringBuilder();
        ms = append(out, ms, 86_400_000L, "d");
        ms = append(out, ms, 3_600_000L, "h");
        ms = append(out, ms, 60_000L, "m");
        ms = append(out, ms, 1_000L, "s");
        append(out, ms, 1L, "ms");
        return out.toString();
    }

    private static long append(StringBuilder out, long ms, long unit, String suffix) {
        if (ms >= unit) {
            out.append(ms / unit).append(suffix);
        }
        return ms % unit;
    }
}
