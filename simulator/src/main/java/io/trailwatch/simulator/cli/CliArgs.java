package io.trailwatch.simulator.cli;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and {@code --flag} switches after the command word. */
final class CliArgs {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> flags = new HashSet<>();

    private CliArgs() {
    }

    /**
     * @param flagNames options that take no value
     */
    static CliArgs parse(List<String> args, Set<String> valueNames, Set<String> flagNames) throws UsageException {
        CliArgs parsed = new CliArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "' (options start with --)");
            }
            String name = arg.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagNames.contains(name)) {
                if (inline != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                parsed.flags.add(name);
            } else if (valueNames.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (parsed.values.put(name, value) != null) {
                    throw new UsageException("--" + name + " is given twice");
                }
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return parsed;
    }

    String get(String name) {
        return values.get(name);
    }

    String get(String name, String fallback) {
        String v = get(name);
        return v == null ? fallback : v;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    long getLong(String name, long fallback) throws UsageException {
        String v = get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " '" + v + "' is not a whole number");
        }
    }

    int getInt(String name, int fallback) throws UsageException {
        long v = getLong(name, fallback);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new UsageException("--" + name + " '" + v + "' is out of range");
        }
        return (int) v;
    }

    double getDouble(String name, double fallback) throws UsageException {
        String v = get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " '" + v + "' is not a number");
        }
    }
}
