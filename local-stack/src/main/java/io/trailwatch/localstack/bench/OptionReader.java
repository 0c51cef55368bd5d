package io.trailwatch.localstack.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Reads {@code --name value} options of a command, failing with a message that names the option and the value. */
public final class OptionReader {

    private final String command;
    private final Deque<String> rest;

    public OptionReader(String command, List<String> args) {
        this.command = command;
        this.rest = new ArrayDeque<>(args);
    }

    public boolean hasNext() {
        return !rest.isEmpty();
    }

    /** The next option name, e.g. {@code --seed}. */
    public String next() {
        String name = rest.pop();
        if (!name.startsWith("--")) {
            throw new IllegalArgumentException(command + ": unexpected argument '" + name + "'");
        }
        return name;
    }

    public String value(String option) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(command + ": " + option + " needs a value");
        }
        return rest.pop();
    }

    public long positiveLong(String option) {
        String value = value(option);
        long n;
        try {
            n = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n <= 0) {
            throw new IllegalArgumentException(command + ": " + option + " must be a positive whole number, got '"
                    + value + "'");
        }
        return n;
    }

    public long anyLong(String option) {
        String value = value(option);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(command + ": " + option + " must be a whole number, got '" + value + "'");
        }
    }

    public double positiveDouble(String option) {
        String value = value(option);
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(command + ": " + option + " must be a positive number, got '" + value
                    + "'");
        }
        return d;
    }

    public LocalDate date(String option) {
        String value = value(option);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(command + ": " + option + " must be a date like 2026-11-27, got '"
                    + value + "'");
        }
    }

    public Path path(String option) {
        return Path.of(value(option)).toAbsolutePath().normalize();
    }

    public IllegalArgumentException unknown(String option) {
        return new IllegalArgumentException(command + ": unknown option " + option);
    }
}
