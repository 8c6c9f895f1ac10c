package io.openta.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value types of the launcher's options. A converter's message leaves out the option's name: the error handler
 * ({@link OpenTa}) puts it in front, so {@code --date '2026112' is not a date YYYYMMDD}. Nothing is created here.
 */
final class Args {
    static final int MAX_SHARDS = 1024;
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private Args() {
    }

    /** A business date YYYYMMDD that exists in the calendar. */
    static final class Date implements ITypeConverter<String> {
        @Override
        public String convert(String v) {
            if (!v.matches("\\d{8}")) {
                throw new TypeConversionException("'" + v + "' is not a date YYYYMMDD");
            }
            try {
                LocalDate.parse(v, YYYYMMDD);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + v + "' is not a valid calendar date");
            }
            return v;
        }
    }

    /** An existing directory (absolute, normalized). */
    static final class ExistingDir implements ITypeConverter<Path> {
        @Override
        public Path convert(String v) {
            Path p = Path.of(v).toAbsolutePath().normalize();
            if (!Files.isDirectory(p)) {
                throw new TypeConversionException(p + " is not an existing directory");
            }
            return p;
        }
    }

    /** A directory, or a path where one can be created (it must not be a file). */
    static final class DirToBe implements ITypeConverter<Path> {
        @Override
        public Path convert(String v) {
            if (v.isBlank()) {
                throw new TypeConversionException("is empty");
            }
            Path p = Path.of(v).toAbsolutePath().normalize();
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new TypeConversionException(p + " exists and is not a directory");
            }
            return p;
        }
    }

    /** {@link DirToBe} for a value that did not come through picocli (a default, an environment variable). */
    static Path dirToBe(String option, String value) throws UsageException {
        try {
            return new DirToBe().convert(value);
        } catch (TypeConversionException e) {
            throw new UsageException(option + " " + e.getMessage());
        }
    }

    /** A whole number from 1 to {@code max}. */
    abstract static class PositiveInt implements ITypeConverter<Integer> {
        private final int max;

        PositiveInt(int max) {
            this.max = max;
        }

        @Override
        public Integer convert(String v) {
            if (!v.matches("\\d{1,9}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > max) {
                throw new TypeConversionException("'" + v + "' is not a whole number from 1 to " + max);
            }
            return Integer.parseInt(v);
        }
    }

    /** A whole number from 0 to {@code max}. */
    abstract static class NonNegativeInt implements ITypeConverter<Integer> {
        private final int max;

        NonNegativeInt(int max) {
            this.max = max;
        }

        @Override
        public Integer convert(String v) {
            if (!v.matches("\\d{1,9}") || Integer.parseInt(v) > max) {
                throw new TypeConversionException("'" + v + "' is not a whole number from 0 to " + max);
            }
            return Integer.parseInt(v);
        }
    }

    /** A port from 0 to 65535, 0 meaning any free port. */
    static final class PortOrFree implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String v) {
            if (!v.matches("\\d{1,5}") || Integer.parseInt(v) > 65535) {
                throw new TypeConversionException("'" + v + "' is not a port from 0 (any free one) to 65535");
            }
            return Integer.parseInt(v);
        }
    }

    /** An existing regular file (absolute, normalized). */
    static final class ExistingFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String v) {
            Path p = Path.of(v).toAbsolutePath().normalize();
            if (!Files.isRegularFile(p)) {
                throw new TypeConversionException(p + " is not an existing file");
            }
            return p;
        }
    }

    /** Shard tasks per stage, partitions per topic: 1 to {@value #MAX_SHARDS}. */
    static final class Shards extends PositiveInt {
        Shards() {
            super(MAX_SHARDS);
        }
    }

    static final class Port extends PositiveInt {
        Port() {
            super(65535);
        }
    }

    /** How long a token lives: {@code 30m}, {@code 8h}, {@code 7d} (seconds {@code s} too), at most a year. */
    static final class Ttl implements ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String v) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([smhd])").matcher(v);
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                throw new TypeConversionException("'" + v + "' is not a duration like 30m, 8h or 7d");
            }
            long n = Long.parseLong(m.group(1));
            java.time.Duration d = switch (m.group(2)) {
                case "s" -> java.time.Duration.ofSeconds(n);
                case "m" -> java.time.Duration.ofMinutes(n);
                case "h" -> java.time.Duration.ofHours(n);
                default -> java.time.Duration.ofDays(n);
            };
            if (d.compareTo(java.time.Duration.ofDays(366)) > 0) {
                throw new TypeConversionException("'" + v + "' is longer than a year");
            }
            return d;
        }
    }

    static final class Accounts extends PositiveInt {
        Accounts() {
            super(50_000_000);
        }
    }
}
