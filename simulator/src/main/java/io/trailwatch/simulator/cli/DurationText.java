package io.trailwatch.simulator.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written as {@code 90s}, {@code 15m}, {@code 6h}, {@code 1d}, {@code 0} or ISO-8601 {@code PT1H}. */
final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");

    private DurationText() {
    }

    static Duration parse(String option, String text) throws UsageException {
        String t = text.trim();
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(t);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " '" + text + "' is not a duration (use e.g. 90s, 15m, 6h, 1d or PT1H)");
        }
    }
}
