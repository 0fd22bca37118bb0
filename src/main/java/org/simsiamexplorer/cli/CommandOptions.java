package org.simsiamexplorer.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of one subcommand; unknown or valueless options are reported, never ignored. */
final class CommandOptions {
    private final Map<String, String> values = new HashMap<>();

    private CommandOptions() {
    }

    /** @throws IllegalArgumentException naming the offending option */
    static CommandOptions parse(String[] args, Set<String> known) {
        CommandOptions options = new CommandOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (known: --"
                        + String.join(", --", known.stream().sorted().toList()) + ")");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            options.values.put(name, value);
        }
        return options;
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("option --" + name + " is required");
        }
        return value;
    }

    String optional(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got '" + value + "'");
        }
    }

    double decimal(String name, double fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, got '" + value + "'");
        }
    }

    static Set<String> names(List<String> names) {
        return Set.copyOf(names);
    }
}
