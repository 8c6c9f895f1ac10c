package io.openta.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The floor the bench is measured against: {@code ../shared/bench/floor-v2.sql} (the same day volume cleared by
 * set-based SQL, no files parsed, no messaging) run by {@code psql} on the bench's own PostgreSQL server, with the
 * same settings. The floor of a day is the sum of the step timings between its {@code === <day> import} and
 * {@code === <day> end} marks, as the script says.
 */
final class FloorBenchmark {
    private static final Pattern MARK = Pattern.compile("^=== (day\\d) (\\S+)\\s*$");
    private static final Pattern TIME = Pattern.compile("^Time: ([0-9.]+) ms");

    /** Per day ("day1", "day2"), per step ("import", "clearing", ...), milliseconds. */
    record Result(Map<String, Map<String, BigDecimal>> steps) {
        BigDecimal dayMillis(String day) {
            return steps.getOrDefault(day, Map.of()).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal stepMillis(String day, String step) {
            return steps.getOrDefault(day, Map.of()).getOrDefault(step, BigDecimal.ZERO);
        }
    }

    private FloorBenchmark() {
    }

    /** The script: OPENTA_FLOOR_SQL, else ../shared/bench/floor-v2.sql beside the installation. */
    static Optional<Path> script(Map<String, String> env) {
        String given = env.get("OPENTA_FLOOR_SQL");
        if (given != null) {
            return Optional.of(Path.of(given)).filter(Files::isRegularFile);
        }
        String home = env.getOrDefault("OPENTA_HOME", ".");
        return Optional.of(Path.of(home).toAbsolutePath().resolve("../shared/bench/floor-v2.sql").normalize())
                .filter(Files::isRegularFile);
    }

    /** Runs the script with {@code -v n=accounts} against the server of {@code jdbcUrl}; psql must be on the PATH. */
    static Result run(Path script, String jdbcUrl, String user, String password, int accounts)
            throws IOException, InterruptedException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String db = uri.getPath().substring(1);
        ProcessBuilder pb = new ProcessBuilder("psql", "-X", "-q", "-h", uri.getHost(), "-p",
                String.valueOf(uri.getPort()), "-U", user, "-d", db, "-v", "ON_ERROR_STOP=1", "-v", "n=" + accounts,
                "-f", script.toString()).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", password);
        Process p = pb.start();
        Map<String, Map<String, BigDecimal>> steps = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String day = null;
            String step = null;
            String line;
            while ((line = r.readLine()) != null) {
                all.append(line).append('\n');
                Matcher m = MARK.matcher(line);
                if (m.matches()) {
                    day = "end".equals(m.group(2)) ? null : m.group(1);
                    step = m.group(2);
                    continue;
                }
                Matcher t = TIME.matcher(line);
                if (t.find() && day != null) {
                    steps.computeIfAbsent(day, k -> new LinkedHashMap<>()).merge(step, new BigDecimal(t.group(1)),
                            BigDecimal::add);
                }
            }
        }
        if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
            throw new IOException("psql -f " + script + " failed:\n" + tail(all.toString()));
        }
        return new Result(steps);
    }

    /** The floor step a stage is compared with. */
    static List<String> floorStepsOf(String stage) {
        return switch (stage) {
            case "file-import" -> List.of("import");
            case "clearing" -> List.of("clearing");
            case "profit" -> List.of("profit");
            case "share-adjust" -> List.of("share-adjust");
            case "export", "profit-export" -> List.of("export");
            default -> List.of();
        };
    }

    private static String tail(String s) {
        return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    }
}
