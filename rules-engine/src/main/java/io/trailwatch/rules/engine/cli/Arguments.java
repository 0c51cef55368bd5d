package io.trailwatch.rules.engine.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One command's arguments: {@code --name value} (or {@code --name=value}) options, {@code --flag} switches
 * and positional arguments, in any order; {@code --} ends the options.
 */
final class Arguments {

    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Arguments() {
    }

    static Arguments parse(List<String> args, Set<String> valueOptions, Set<String> flags) throws UsageException {
        Arguments parsed = new Arguments();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("--") || arg.equals("-")) {
                parsed.positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException(name + " takes no value");
                }
                value = "true";
            } else if (valueOptions.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
            } else {
                throw new UsageException("unknown option " + name);
            }
            if (parsed.options.put(name, value) != null) {
                throw new UsageException(name + " is given twice");
            }
        }
        return parsed;
    }

    String option(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    List<String> positional() {
        return positional;
    }

    /** The single positional argument the command requires, e.g. FILE. */
    String single(String what) throws UsageException {
        if (positional.isEmpty()) {
            throw new UsageException("missing " + what);
        }
        if (positional.size() > 1) {
            throw new UsageException("expected one " + what + ", got " + positional.size() + ": "
                    + String.join(" ", positional));
        }
        return positional.get(0);
    }
}
