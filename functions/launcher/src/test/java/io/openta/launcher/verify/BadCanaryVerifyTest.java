package io.openta.launcher.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.openta.launcher.DayOutcome;
import io.openta.launcher.FunctionsProcess;
import io.openta.launcher.ClusterOptions;
import io.openta.launcher.LocalCluster;
import io.openta.verify.DayVerifier;
import io.openta.verify.VerifyReport;

/**
 * A "bad canary" is the same build with a failpoint on: golden case-01-basic's first two days cleared by a functions
 * app of version {@value #VERSION} with {@code charge-plus-one-cent} and
 * {@code residue-cent-to-wrong-account} armed. The day completes (the wrong values are consistent in the database
 * and the files), and {@code verify} catches both faults: every purchase confirmation's Charge, recomputed from the
 * application and the C5 fee table, and its ConfirmedVol where the cent changes it (day 1) and the income rows whose residue cent moved (day 2), each mismatch attributed to the version and track the
 * writing task recorded in sched.task_execution. Nothing else is reported: the files agree with the state.
 *
 * <p>The app runs on the stable track: one process clears whole days here, and a process on the canary track reads
 * only the canary lanes of a split step (the pair of a stable and a canary process is {@code GrayReleaseTest}). What
 * is checked is that each mismatch names the version and track its writing task recorded.
 */
class BadCanaryVerifyTest {
    private static final String VERSION = "9.9.9-bad";
    private static final String DAY1 = "20261125";
    private static final String DAY2 = "20261126";
    private static final String TRACK = "stable";
    private static final VerifyReport.Writer CANARY = new VerifyReport.Writer(VERSION, TRACK);

    @TempDir
    Path work;

    @Test
    void verifyCatchesEachFailpointAndNamesTheCanaryThatWroteIt() throws Exception {
        String shared = System.getProperty("openta.shared.dir");
        Path golden = shared == null ? null : Path.of(shared, "golden-v2", "case-01-basic");
        Assumptions.assumeTrue(golden != null && Files.isDirectory(golden), "golden case-01-basic not found");
        Path jar = FunctionsProcess.locateJar(System.getenv());
        Assumptions.assumeTrue(Files.isRegularFile(jar), "functions app not built: " + jar);

        ClusterOptions options = ClusterOptions.embedded(work.resolve("data"))
                .withDayTimeout(Duration.ofMinutes(3));
        // not prod (failpoints are refused there); the track and version as serve --track/--version pass them
        options = options.withHttp(0, Map.of("QUARKUS_PROFILE", "chaos", "OPENTA_FAILPOINTS",
                "charge-plus-one-cent,residue-cent-to-wrong-account", "OPENTA_TRACK", TRACK, "OPENTA_VERSION",
                VERSION));
        try (LocalCluster cluster = LocalCluster.start(options)) {
            Path out1 = Files.createDirectories(work.resolve("out-" + DAY1));
            Path out2 = Files.createDirectories(work.resolve("out-" + DAY2));
            DayOutcome d1 = cluster.runDay(DAY1, golden.resolve(DAY1 + "/in"), out1, e -> { });
            assertTrue(d1.completed(), d1.message());
            DayOutcome d2 = cluster.runDay(DAY2, golden.resolve(DAY2 + "/in"), out2, e -> { });
            assertTrue(d2.completed(), d2.message());

            // the task counters carry the version and track (Prometheus sorts the labels by name)
            String metrics = new String(java.net.URI.create("http://127.0.0.1:" + cluster.functions().httpPort()
                    + "/q/metrics").toURL().openStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("openta_tasks_completed_total{")
                    && l.contains("stage=\"clearing\"") && l.contains("track=\"" + TRACK + "\"")
                    && l.contains("version=\"" + VERSION + "\"")), metrics);

            String[] database = cluster.database();
            try (Connection db = DriverManager.getConnection(database[0], database[1], database[2])) {
                // every task of both days recorded who ran it
                assertEquals(List.of(VERSION + "/" + TRACK), strings(db, "SELECT DISTINCT version || '/' || track "
                        + "FROM sched.task_execution WHERE biz_date IN ('" + DAY1 + "', '" + DAY2 + "')"));

                VerifyReport r1 = new DayVerifier().verify(db, DAY1, out1, "99");
                long purchases = count(db, "SELECT count(*) FROM trd.trade_cfm WHERE biz_date = '" + DAY1
                        + "' AND business_code = '122' AND return_code = '0000'");
                assertTrue(purchases > 0, "day 1 has successful purchases");
                List<VerifyReport.Mismatch> charges = r1.mismatches(VerifyReport.CONFIRMATIONS).stream()
                        .filter(m -> m.found().startsWith("Charge ")).toList();
                assertEquals(purchases, charges.size(), "one Charge mismatch per purchase: " + r1.mismatches());
                onlyChecks(r1, VerifyReport.CONFIRMATIONS);
                for (VerifyReport.Mismatch m : r1.mismatches()) {
                    assertEquals("trd.trade_cfm", m.where(), m.toString());
                    assertTrue(m.found().startsWith("Charge ") || m.found().startsWith("ConfirmedVol "), m.toString());
                    assertEquals(CANARY, m.writer(), m.toString());
                }
                assertEquals(Map.of(CANARY, r1.mismatchCount()), r1.mismatchesByWriter());
                // the files check found nothing (onlyChecks above): the 04 files hold the same wrong Charge as the
                // database, and the recompute from the applications and the C5 table still names it: the record,
                // the field, the value the rules give and the one written, one cent apart, and who wrote it
                VerifyReport.Mismatch first = charges.get(0);
                assertTrue(first.record().matches("batch 000 sender \\S+ record \\d+ serial '[^']+'"), first.toString());
                assertTrue(first.expected().matches("Charge \\d+\\.\\d{2} \\(.+\\)"), first.toString());
                BigDecimal want = new BigDecimal(first.expected().split(" ")[1]);
                BigDecimal got = new BigDecimal(first.found().split(" ")[1]);
                assertEquals(want.add(new BigDecimal("0.01")), got, first.toString());
                assertTrue(r1.writers().contains(CANARY), "the canary ran the day's tasks: " + r1.writers());
                charges.stream().limit(3).forEach(m -> System.out.println("bad canary caught: " + m));

                VerifyReport r2 = new DayVerifier().verify(db, DAY2, out2, "99");
                List<VerifyReport.Mismatch> income = r2.mismatches(VerifyReport.INCOME);
                assertFalse(income.isEmpty(), "the moved residue cents are caught: " + r2.mismatches());
                for (VerifyReport.Mismatch m : income) {
                    assertEquals("clr.income", m.where(), m.toString());
                    assertTrue(m.record().startsWith("TAAccountID "), m.toString());
                    assertTrue(m.expected().contains("residue cent"), m.toString());
                    assertEquals(CANARY, m.writer(), m.toString());
                }
                // a cent taken from one account and given to another: as many missing as extra
                assertEquals(income.stream().filter(m -> m.expected().startsWith("the residue cent")).count(),
                        income.stream().filter(m -> m.expected().startsWith("no residue cent")).count());
                onlyChecks(r2, VerifyReport.CONFIRMATIONS, VerifyReport.INCOME);
                assertEquals(Map.of(CANARY, r2.mismatchCount()), r2.mismatchesByWriter());

                // ./openta verify prints each mismatch with its writer and fails
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int exit = VerifyCommand.run(DAY2, db, out2, "99", new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                String printed = out.toString(StandardCharsets.UTF_8);
                assertEquals(VerifyCommand.MISMATCH, exit, printed);
                assertTrue(printed.contains("(written by version " + VERSION + ", track " + TRACK + ")"), printed);
                assertTrue(printed.contains("mismatches written by version " + VERSION + ", track " + TRACK + ": "
                        + r2.mismatchCount()), printed);
                System.out.printf("bad canary: day %s %d mismatches, day %s %d mismatches, all written by %s%n", DAY1,
                        r1.mismatchCount(), DAY2, r2.mismatchCount(), CANARY);
            }
        }
    }

    /** A functions app told an unknown track (past serve's own check) does not start, and says why in one line. */
    @Test
    void anUnknownTrackStopsTheFunctionsApp() {
        Path jar = FunctionsProcess.locateJar(System.getenv());
        Assumptions.assumeTrue(Files.isRegularFile(jar), "functions app not built: " + jar);
        ClusterOptions options = ClusterOptions.embedded(work.resolve("data"))
                .withHttp(0, Map.of("OPENTA_TRACK", "beta"));
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> LocalCluster.start(options).close());
        StringBuilder why = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            why.append(t.getMessage()).append('\n');
        }
        assertTrue(why.toString().contains("cannot start: track 'beta' is not one of stable, canary (openta.track, "
                + "env OPENTA_TRACK, serve --track)"), why.toString());
    }

    /** The checks other than {@code allowed} found nothing: the wrong values agree across state and files. */
    private static void onlyChecks(VerifyReport r, String... allowed) {
        for (VerifyReport.Check c : r.checks()) {
            if (!List.of(allowed).contains(c.name())) {
                assertTrue(c.ok(), c + ": " + r.mismatches(c.name()));
            }
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
