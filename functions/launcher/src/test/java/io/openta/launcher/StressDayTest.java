package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.openta.launcher.ProductionTables.checksums;
import static io.openta.launcher.ProductionTables.run;
import static io.openta.launcher.ProductionTables.with;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 7, on real processes ({@code openta infra}, one {@code openta serve} with shadow traffic on, the
 * packaged functions app): golden case-01's first day is cleared in production alone; it is rolled back and cleared
 * again while {@code openta stress} runs a stress day of the same date and input on the same functions and database.
 * Production's outbox is byte-identical to the expected files both times, every production table's content checksum
 * is the same with and without the stress day, and the stress day's own outbox holds exactly the files production
 * wrote. {@code openta stress clean} then empties the shadow set, the bench's two generated days run as stress
 * days ({@code --accounts 40 --trades 12}), and production is still unchanged. Prints each
 * production stage's duration alone and beside the stress day (on this tiny input they show that the two days run
 * side by side; {@code openta bench stress} measures the slowdown at volume).
 */
class StressDayTest {
    private static final String DAY = "20261125";

    @TempDir
    Path tmp;

    @Test
    void aStressDayRunsBesideProductionWhichClearsAsWithoutIt() throws Exception {
        Path golden = TestCases.golden("case-01-basic").resolve(DAY);
        try (SharedInfra infra = SharedInfra.start(tmp)) {
            ServeProcess serve = infra.serve(Files.createDirectories(tmp.resolve("serve-in")), tmp.resolve("serve-out"),
                    Map.of("OPENTA_SHADOW_ENABLED", "true"));
            List<String> on = List.of("--url", serve.url(), "--kafka", infra.kafka(), "--data",
                    tmp.resolve("launcher").toString());

            // production alone
            Path alone = tmp.resolve("production-alone");
            run(0, with(on, "day", "--date", DAY, "--inbox", golden.resolve("in").toString(), "--outbox",
                    alone.toString()));
            TestCases.assertSameOutbox(golden.resolve("out"), alone, "production day alone");
            Map<String, String> checksumsAlone = checksums(infra);
            Map<String, Long> stagesAlone = stageMillis(infra);
            assertTrue(checksumsAlone.size() > 10, "tables checksummed: " + checksumsAlone.keySet());

            // the same production day again, while a stress day of the same date and input runs
            run(0, "rollback", "--date", DAY, "--to", "day-init", "--url", serve.url(), "--token", serve.token());
            Path stressOut = tmp.resolve("stress-out");
            CompletableFuture<String> stress = CompletableFuture.supplyAsync(() -> run(0, with(on, "stress", "--date",
                    DAY, "--inbox", golden.resolve("in").toString(), "--outbox", stressOut.toString())));
            for (int i = 0; i < 1200 && infra.queryLong("SELECT count(*) FROM shadow_sched.day WHERE biz_date = '"
                    + DAY + "'") == 0 && !stress.isDone(); i++) {
                Thread.sleep(50);
            }
            Path beside = tmp.resolve("production-beside-stress");
            run(0, with(on, "day", "--date", DAY, "--inbox", golden.resolve("in").toString(), "--outbox",
                    beside.toString()));
            String stressed = stress.get();
            TestCases.assertSameOutbox(golden.resolve("out"), beside, "production day beside the stress day");
            assertEquals(checksumsAlone, checksums(infra), "production tables differ from the run without stress");
            // the rollback withdrew the first run's files from its outbox: production's files are the second run's
            TestCases.assertSameOutbox(beside, stressOut, "the stress day's outbox against production's");
            TestCases.assertSameOutbox(golden.resolve("out"), stressOut, "the stress day's outbox");
            assertTrue(stressed.contains("stress stage clearing: "), stressed);
            assertTrue(stressed.contains("stress day " + DAY + " cleared in "), stressed);
            assertEquals(1, infra.queryLong("SELECT count(*) FROM shadow_sched.day WHERE biz_date = '" + DAY
                    + "' AND status = 'COMPLETED'"));
            report(stagesAlone, stageMillis(infra), stressed);

            String cleaned = run(0, with(on, "stress", "clean"));
            assertTrue(cleaned.contains("shadow schemas emptied: "), cleaned);
            assertEquals(0, infra.queryLong("SELECT count(*) FROM shadow_sched.day"));
            assertEquals(0, infra.queryLong("SELECT count(*) FROM shadow_trd.inbox_file"));
            assertEquals(checksumsAlone, checksums(infra), "stress clean changed production tables");
            assertEquals(1, infra.queryLong("SELECT count(*) FROM sched.day WHERE biz_date = '" + DAY
                    + "' AND status = 'COMPLETED'"));

            // generated stress days (the bench's shape) on the emptied shadow set; production still untouched
            Path generatedOut = tmp.resolve("stress-generated");
            String generated = run(0, with(on, "stress", "--accounts", "40", "--trades", "12", "--outbox",
                    generatedOut.toString()));
            assertTrue(generated.contains("generated the bench's two days: 40 accounts, 12 trades"), generated);
            for (String date : List.of(BenchCase.DAY1, BenchCase.nextBusinessDate(BenchCase.DAY1))) {
                assertTrue(generated.contains("stress day " + date + " cleared in "), generated);
                try (var files = Files.list(generatedOut.resolve(date))) {
                    assertTrue(files.findAny().isPresent(), "no files of generated stress day " + date);
                }
            }
            assertEquals(2, infra.queryLong("SELECT count(*) FROM shadow_sched.day WHERE status = 'COMPLETED'"));
            assertEquals(40, infra.queryLong("SELECT count(*) FROM shadow_acct.account"));
            assertEquals(checksumsAlone, checksums(infra), "generated stress days changed production tables");
        }
    }

    /** The production day's stage durations (ms), from its stage runs. */
    private static Map<String, Long> stageMillis(SharedInfra infra) throws SQLException {
        Map<String, Long> ms = new LinkedHashMap<>();
        try (Connection c = infra.jdbc(); Statement st = c.createStatement(); ResultSet r = st.executeQuery(
                "SELECT stage, (extract(epoch FROM finished_at - started_at) * 1000)::bigint FROM sched.stage_run "
                        + "WHERE biz_date = '" + DAY + "' ORDER BY started_at")) {
            while (r.next()) {
                ms.put(r.getString(1), r.getLong(2));
            }
        }
        return ms;
    }

    private static void report(Map<String, Long> alone, Map<String, Long> beside, String stressed) {
        System.out.println("stress test figures (day " + DAY + ", golden case-01):");
        stressed.lines().filter(l -> l.startsWith("stress ")).forEach(l -> System.out.println("  " + l));
        long sumAlone = 0;
        long sumBeside = 0;
        for (var e : alone.entrySet()) {
            long b = beside.getOrDefault(e.getKey(), 0L);
            sumAlone += e.getValue();
            sumBeside += b;
            System.out.printf("  production stage %s: %d ms alone, %d ms beside the stress day%n", e.getKey(),
                    e.getValue(), b);
        }
        System.out.printf("  production stages in all: %d ms alone, %d ms beside the stress day%n", sumAlone,
                sumBeside);
    }
}
