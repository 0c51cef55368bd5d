package io.trailwatch.rules.engine.outlier;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Time slice lengths as written in detector files and on the command line: {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}. */
public final class Timeslice {

    private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})([smhd])");

    private Timeslice() {
    }

    /** @throws IllegalArgumentException naming the accepted forms */
    public static Duration parse(String text) {
        String s = text == null ? "" : text.trim();
        Matcher m = SHORT.matcher(s);
        Duration duration;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            duration = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                duration = Duration.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invalid time slice '" + text + "': expected a length such as 30s, "
                        + "5m, 1h or 1d");
            }
        }
        return duration;
    }

    /** The shortest exact form: {@code 5m}, {@code 90s}, {@code 1d}. */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (duration.getNano() != 0) {
            return duration.toString();
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
