package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard task that runs longer than 60 s does not stop its consumer. SmallRye's throttled commit strategy reports a
 * failure (and the channel stops) when a record waits unacknowledged longer than
 * {@code throttled.unprocessed-record-max-age.ms}, 60 s by default; OpenTA sets it to 0 (no such check). This test
 * runs the shipped configuration unchanged: a failpoint makes one profit task sleep 65 s inside its transaction
 * (longer than the 60 s default) while the other tasks, and the stages after it, go through the same consumer.
 */
class LongTaskTest {
    private static final String DAY1 = "20261125";

    @TempDir
    Path work;

    @Test
    void aTaskLongerThanSixtySecondsDoesNotStopItsConsumer() throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        Path outbox = work.resolve("out");
        ClusterOptions options = TestCases.options(work.resolve("data"));
        options = options.withHttp(options.httpPort(), Map.of("QUARKUS_PROFILE", "chaos", "OPENTA_FAILPOINTS",
                "sleep-in-task=profit:65000"));
        long t0 = System.nanoTime();
        try (LocalCluster cluster = LocalCluster.start(options)) {
            DayOutcome day = cluster.runDay(DAY1, golden.resolve(DAY1 + "/in"), outbox, e -> { });
            long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
            assertTrue(day.completed(), day.message());
            TestCases.assertSameOutbox(golden.resolve(DAY1 + "/out"), outbox, "day with a 65 s task");
            String log = Files.readString(cluster.functions().logFile(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(log.contains("failpoint sleep-in-task: a task of profit sleeps 65000 ms"), "the task slept");
            assertTrue(seconds >= 65, "the day took " + seconds + " s: the sleep did not happen");
            // SRMSG18231: "has waited for N seconds to be acknowledged" - the throttled strategy's failure report
            assertFalse(log.contains("SRMSG18231") || log.contains("TooManyMessagesWithoutAckException"),
                    "the consumer reported unacknowledged records");
            assertTrue(cluster.functions().isAlive());
            System.out.printf("a 65 s profit task: the day completed in %d s with its consumer up%n", seconds);
        }
    }
}
