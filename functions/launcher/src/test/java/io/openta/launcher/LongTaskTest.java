package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard task that runs longer than 60 s does not stop its consumer. SmallRye's throttled commit strategy reports a
 * failure (and the channel stops) when a record waits unacknowledged longer than
 * {@code throttled.unprocessed-record-max-age.ms}, 60 s by default; OpenTA sets it to 0 (no such check). This test
 * runs the shipped configuration unchanged: a failpoint makes one profit task sleep 65 s inside its transaction
 * (longer than the 60 s default) while the other tasks, and the stages after it, go through the same consumer.
 *
 * <p>A task whose worker freezes inside its transaction is the other case: nothing is sent for longer than
 * {@code OPENTA_DB_TASK_IDLE_LIMIT}, so PostgreSQL ends the session, rolling the task back and releasing the lock on its
 * row. The same failpoint stands in for the freeze (from the server's side a sleeping worker and a stopped one look
 * alike: idle in transaction), with the limit set below the sleep.
 */
class LongTaskTest {
    private static final String DAY1 = "20261125";

    @TempDir
    Path work;

    @Test
    void aTaskLongerThanSixtySecondsDoesNotStopItsConsumer() throws Exception {
        long t0 = System.nanoTime();
        try (LocalCluster cluster = start(Map.of("QUARKUS_PROFILE", "chaos", "OPENTA_FAILPOINTS",
                "sleep-in-task=profit:65000"))) {
            String log = clearCaseOne(cluster, "day with a 65 s task");
            long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
            assertTrue(log.contains("failpoint sleep-in-task: a task of profit sleeps 65000 ms"), "the task slept");
            assertTrue(seconds >= 65, "the day took " + seconds + " s: the sleep did not happen");
            // SRMSG18231: "has waited for N seconds to be acknowledged" - the throttled strategy's failure report
            assertFalse(log.contains("SRMSG18231") || log.contains("TooManyMessagesWithoutAckException"),
                    "the consumer reported unacknowledged records");
            assertTrue(cluster.functions().isAlive());
            System.out.printf("a 65 s profit task: the day completed in %d s with its consumer up%n", seconds);
        }
    }

    @Test
    void aTaskFrozenInsideItsTransactionIsEndedByTheServerAndRunAgainOnce() throws Exception {
        try (LocalCluster cluster = start(Map.of("QUARKUS_PROFILE", "chaos", "OPENTA_FAILPOINTS",
                "sleep-in-task=profit:12000", "OPENTA_DB_TASK_IDLE_LIMIT", "PT3S"))) {
            String log = clearCaseOne(cluster, "day with a task frozen past its limit");
            assertTrue(log.contains("failpoint sleep-in-task: a task of profit sleeps 12000 ms"), "the task froze");
            String retried = log.lines().filter(l -> l.contains("/profit/") && l.contains("the database is unreachable"))
                    .findFirst().orElse(null);
            assertTrue(retried != null, "the frozen profit task's ended session was retried:\n"
                    + cluster.functions().logTail(40));
            String[] database = cluster.database();
            try (Connection c = DriverManager.getConnection(database[0], database[1], database[2]);
                    ResultSet twice = c.createStatement().executeQuery("SELECT stage, step, shard FROM "
                            + "sched.task_execution WHERE biz_date = '" + DAY1 + "' GROUP BY 1, 2, 3 "
                            + "HAVING count(*) > 1")) {
                assertFalse(twice.next(), "a task committed twice");
            }
            System.out.printf("a profit task frozen 12 s inside its transaction, limit 3 s: %s%n", retried);
        }
    }

    /** A local cluster whose functions app runs with {@code env} added. */
    private LocalCluster start(Map<String, String> env) throws IOException {
        ClusterOptions options = TestCases.options(work.resolve("data"));
        return LocalCluster.start(options.withHttp(options.httpPort(), env));
    }

    /** Clears golden case 01's first day, checks it completed with the golden files, returns the functions log. */
    private String clearCaseOne(LocalCluster cluster, String what) throws IOException {
        Path golden = TestCases.golden("case-01-basic");
        Path outbox = work.resolve("out");
        DayOutcome day = cluster.runDay(DAY1, golden.resolve(DAY1 + "/in"), outbox, e -> { });
        assertTrue(day.completed(), day.message());
        TestCases.assertSameOutbox(golden.resolve(DAY1 + "/out"), outbox, what);
        return Files.readString(cluster.functions().logFile(), StandardCharsets.ISO_8859_1);
    }
}
