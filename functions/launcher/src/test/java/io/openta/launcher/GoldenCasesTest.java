package io.openta.launcher;

import io.openta.register.MigrationFailure;
import io.openta.register.RegisterMigration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The worked cases of spec v2, end to end through the launcher and the real functions app: each case on a fresh
 * cluster (TA code from the case's {@code ta} file, else 99), its days in name order, every outbox compared with the
 * expected one byte for byte ({@code .ERR} files on their first two words). A {@code <date>-migrate} day takes over
 * a register (spec 2.9). A day whose {@code out/DAY-FAILED} exists must fail for the rule that file's first line
 * names ({@link FailureRules}), writing and keeping nothing.
 */
class GoldenCasesTest {
    private static final List<LocalCluster> OPEN = new ArrayList<>();

    @TestFactory
    Stream<DynamicNode> sharedGoldenCases() {
        String shared = System.getProperty("openta.shared.dir");
        Path golden = shared == null ? null : Path.of(shared, "golden-v2");
        if (golden == null || !Files.isDirectory(golden)) {
            return Stream.of(DynamicTest.dynamicTest("golden cases", () -> Assumptions.abort(
                    "no golden cases: " + (golden == null ? "system property openta.shared.dir not set"
                            : golden + " does not exist"))));
        }
        return cases(golden);
    }

    @TestFactory
    Stream<DynamicNode> ownCases() {
        Path own = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "cases-v2");
        return Files.isDirectory(own) ? cases(own) : Stream.empty();
    }

    /** The examples/ README.md tells users to clear: they must clear to their expected files too. */
    @TestFactory
    Stream<DynamicNode> examples() {
        Path examples = Path.of(System.getProperty("basedir", "."), "..", "..", "examples").normalize();
        return Files.isDirectory(examples) ? cases(examples) : Stream.empty();
    }

    @AfterAll
    static void closeLeftovers() {
        synchronized (OPEN) {
            OPEN.forEach(LocalCluster::close);
            OPEN.clear();
        }
    }

    private static Stream<DynamicNode> cases(Path root) {
        return subfolders(root).stream().map(GoldenCasesTest::caseContainer);
    }

    private static DynamicContainer caseContainer(Path caseDir) {
        List<Path> days = subfolders(caseDir);
        CaseRun run = new CaseRun(caseDir);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Path day = days.get(i);
            boolean last = i == days.size() - 1;
            tests.add(DynamicTest.dynamicTest(day.getFileName().toString(), day.toUri(), () -> {
                try {
                    run.clearAndCompare(day);
                } catch (AssertionError | RuntimeException | IOException e) {
                    run.keepWork();
                    throw e;
                } finally {
                    if (last) {
                        run.close();
                    }
                }
            }));
        }
        return DynamicContainer.dynamicContainer(caseDir.getFileName().toString(), caseDir.toUri(), tests.stream());
    }

    /** One case: its cluster (started at the first day that needs it) and its temp folders. */
    private static final class CaseRun {
        private final Path caseDir;
        private LocalCluster cluster;
        private Path work;
        private String startFailure;
        private boolean keep;

        CaseRun(Path caseDir) {
            this.caseDir = caseDir;
        }

        void clearAndCompare(Path day) throws IOException {
            LocalCluster c = cluster();
            String name = day.getFileName().toString();
            Path inbox = day.resolve("in");
            Path expected = day.resolve("out");
            Path failed = expected.resolve("DAY-FAILED");
            if (name.endsWith("-migrate")) {
                migrate(c, name.substring(0, 8), inbox, failed);
                return;
            }
            Path outbox = Files.createDirectories(work.resolve("out-" + name));
            DayOutcome outcome = c.runDay(name.substring(0, 8), inbox, outbox, e -> { });
            if (Files.exists(failed)) {
                assertTrue(outcome.failed(), "day " + name + " must fail (" + Files.readString(failed).trim()
                        + ") but it completed");
                assertFailedFor(failed, outcome.message());
                assertTrue(list(outbox).isEmpty(), "a failed day writes nothing, but the outbox has " + list(outbox));
                return;
            }
            if (outcome.failed()) {
                fail("day " + name + " failed: " + outcome.message());
            }
            List<String> problems = compare(expected, outbox);
            if (!problems.isEmpty()) {
                fail("day " + name + " of " + caseDir.getFileName() + ":\n  " + String.join("\n  ", problems));
            }
        }

        /** A migrate day: the register is taken over, or (DAY-FAILED) refused for that rule with nothing kept. */
        private void migrate(LocalCluster c, String date, Path inbox, Path failed) throws IOException {
            String[] db = c.database();
            try (Connection conn = DriverManager.getConnection(db[0], db[1], db[2])) {
                long accountsBefore = count(conn, "SELECT count(*) FROM acct.account");
                try {
                    RegisterMigration.migrate(conn, date, inbox);
                    assertFalse(Files.exists(failed), "migrate " + date + " must fail ("
                            + (Files.exists(failed) ? Files.readString(failed).trim() : "") + ") but it succeeded");
                } catch (MigrationFailure e) {
                    if (!Files.exists(failed)) {
                        fail("migrate " + date + " failed: " + e.getMessage());
                    }
                    assertFailedFor(failed, e.getMessage());
                    assertEquals(accountsBefore, count(conn, "SELECT count(*) FROM acct.account"),
                            "a refused migration keeps nothing");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static long count(Connection conn, String query) throws SQLException {
            try (var st = conn.createStatement(); var rs = st.executeQuery(query)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private LocalCluster cluster() throws IOException {
            if (startFailure != null) {
                Assumptions.abort(startFailure);
            }
            if (cluster == null) {
                Path jar = FunctionsProcess.locateJar(System.getenv());
                if (!Files.isRegularFile(jar)) {
                    startFailure = "functions app not built (" + jar + " missing): build it with "
                            + "./mvnw -B -DskipTests package";
                    Assumptions.abort(startFailure);
                }
                work = Files.createTempDirectory("openta-golden-" + caseDir.getFileName() + "-");
                ClusterOptions options = ClusterOptions.embedded(work.resolve("data"))
                        .withTaCode(taCode(caseDir)).withDayTimeout(Duration.ofMinutes(5));
                try {
                    cluster = LocalCluster.start(options);
                } catch (IOException | RuntimeException e) {
                    startFailure = "cluster did not start: " + e.getMessage();
                    throw e;
                }
                synchronized (OPEN) {
                    OPEN.add(cluster);
                }
            }
            return cluster;
        }

        /** Keeps the temp folder (state, functions.log) for a look after a failed day. */
        void keepWork() {
            if (!keep && work != null) {
                System.err.println("golden " + caseDir.getFileName() + ": keeping " + work
                        + " (functions log in data/logs/functions.log)");
            }
            keep = true;
        }

        void close() throws IOException {
            if (cluster != null) {
                synchronized (OPEN) {
                    OPEN.remove(cluster);
                }
                cluster.close();
                cluster = null;
            }
            if (work != null && !keep) {
                EmbeddedKafkaBroker.deleteTree(work);
            }
        }
    }

    /** The TA code of a case: its {@code ta} file, else 99. */
    static String taCode(Path caseDir) throws IOException {
        Path ta = caseDir.resolve("ta");
        return Files.isRegularFile(ta) ? Files.readString(ta).trim() : ClusterOptions.DEFAULT_TA;
    }

    /** The failure names the rule of the expected DAY-FAILED file (its first line: see {@link FailureRules}). */
    static void assertFailedFor(Path dayFailed, String message) throws IOException {
        String rule = Files.readAllLines(dayFailed, StandardCharsets.ISO_8859_1).get(0).trim();
        assertTrue(FailureRules.matches(rule, message), "expected a failure for '" + rule + "' but it was: "
                + message);
    }

    /** Differences between an expected and an actual outbox, one line each; empty when they agree. */
    static List<String> compare(Path expectedDir, Path actualDir) throws IOException {
        List<String> problems = new ArrayList<>();
        TreeSet<String> expected = list(expectedDir);
        TreeSet<String> actual = list(actualDir);
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        TreeSet<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        if (!missing.isEmpty()) {
            problems.add("missing files: " + missing);
        }
        if (!extra.isEmpty()) {
            problems.add("unexpected files: " + extra);
        }
        for (String name : expected) {
            if (!actual.contains(name)) {
                continue;
            }
            byte[] e = Files.readAllBytes(expectedDir.resolve(name));
            byte[] a = Files.readAllBytes(actualDir.resolve(name));
            if (name.endsWith(".ERR")) {
                String ew = firstWords(e, 2);
                String aw = firstWords(a, 2);
                if (!ew.equals(aw)) {
                    problems.add(name + ": expected '" + ew + "...' but was '" + aw + "...'");
                }
            } else if (!Arrays.equals(e, a)) {
                problems.add(name + ": " + firstDifference(e, a));
            }
        }
        return problems;
    }

    static String firstWords(byte[] content, int n) {
        return Arrays.stream(new String(content, StandardCharsets.ISO_8859_1).trim().split("\\s+")).limit(n)
                .collect(Collectors.joining(" "));
    }

    /** The first differing line, with line endings shown, e.g. {@code line 12: expected [..\r\n] actual [..\n]}. */
    static String firstDifference(byte[] expected, byte[] actual) {
        List<String> e = lines(expected);
        List<String> a = lines(actual);
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String el = i < e.size() ? e.get(i) : null;
            String al = i < a.size() ? a.get(i) : null;
            if (el == null || !el.equals(al)) {
                return "line " + (i + 1) + ": expected " + show(el) + " actual " + show(al);
            }
        }
        return "differs";
    }

    /** Lines with their terminators kept, so CRLF against LF shows. */
    private static List<String> lines(byte[] content) {
        String s = new String(content, StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                out.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }

    private static String show(String line) {
        return line == null ? "<end of file>" : "[" + line.replace("\r", "\\r").replace("\n", "\\n") + "]";
    }

    private static List<Path> subfolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TreeSet<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return new TreeSet<>(); // git keeps no empty folder: a missing out/ means empty
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

}
