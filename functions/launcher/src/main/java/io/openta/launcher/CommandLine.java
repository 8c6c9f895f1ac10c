package io.openta.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Parses and validates the arguments of one command; nothing is started here. */
final class CommandLine {
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final String command;
    private final Map<String, String> values;

    private CommandLine(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    /** Reads {@code --name value} or {@code --name=value} pairs; every option takes a value. */
    static CommandLine parse(String command, String[] args, int from, Set<String> allowed) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new UsageException("unexpected argument '" + a + "' for " + command);
            }
            String name = a;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length && !(args[i + 1].startsWith("--") && args[i + 1].length() > 2)) {
                value = args[++i];
            } else {
                value = null;
            }
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option " + name + " for " + command);
            }
            if (value == null) {
                throw new UsageException("option " + name + " needs a value");
            }
            if (values.put(name, value) != null) {
                throw new UsageException("option " + name + " given twice");
            }
        }
        return new CommandLine(command, values);
    }

    String optional(String name) {
        return values.get(name);
    }

    String required(String name) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException("missing required option " + name + " for " + command);
        }
        return v;
    }

    /** A business date YYYYMMDD that exists in the calendar. */
    String date(String name) throws UsageException {
        String v = required(name);
        if (!v.matches("\\d{8}")) {
            throw new UsageException(name + " '" + v + "' is not a date YYYYMMDD");
        }
        try {
            LocalDate.parse(v, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new UsageException(name + " '" + v + "' is not a valid calendar date");
        }
        return v;
    }

    /** An existing directory. */
    Path existingDir(String name) throws UsageException {
        Path p = Path.of(required(name)).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new UsageException(name + " " + p + " is not an existing directory");
        }
        return p;
    }

    /** A directory, or a path where one can be created (it must not be a file). */
    static Path directoryToBe(String name, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(name + " is empty");
        }
        Path p = Path.of(value).toAbsolutePath().normalize();
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new UsageException(name + " " + p + " exists and is not a directory");
        }
        return p;
    }

    int positiveInt(String name, int defaultValue, int max) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (!v.matches("\\d{1,9}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > max) {
            throw new UsageException(name + " '" + v + "' is not a whole number from 1 to " + max);
        }
        return Integer.parseInt(v);
    }
}
