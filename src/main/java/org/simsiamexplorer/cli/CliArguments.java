package org.simsiamexplorer.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --option value} and {@code --flag} arguments of one command, checked against the options it knows.
 * Every value is read at most once through typed getters that word their errors for the user.
 */
public final class CliArguments {
    private final Map<String, String> values = new LinkedHashMap<>();

    private CliArguments() {
    }

    /** Parses; {@code flags} take no value, {@code options} take exactly one. */
    public static CliArguments parse(List<String> args, Set<String> options, Set<String> flags)
            throws UsageException {
        CliArguments parsed = new CliArguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String inlineValue = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inlineValue = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (parsed.values.containsKey(name)) {
                throw new UsageException("--" + name + " is given twice");
            }
            if (flags.contains(name) && inlineValue == null) {
                parsed.values.put(name, "true");
            } else if (options.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                parsed.values.put(name, value);
            } else {
                List<String> known = new ArrayList<>(options);
                known.addAll(flags);
                known.sort(null);
                throw new UsageException("unknown option --" + name + " (known: --" + String.join(", --", known)
                        + ")");
            }
        }
        return parsed;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String required(String name) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    public Optional<Integer> integer(String name) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.replace("_", "")));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number (was '" + value + "')");
        }
    }

    public Optional<Long> longValue(String name) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number (was '" + value + "')");
        }
    }

    public Optional<Double> decimal(String name) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number (was '" + value + "')");
        }
    }

    /** "on"/"off" (also true/false, yes/no). */
    public Optional<Boolean> onOff(String name) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes" -> Optional.of(true);
            case "off", "false", "no" -> Optional.of(false);
            default -> throw new UsageException("--" + name + " must be on or off (was '" + value + "')");
        };
    }
}
