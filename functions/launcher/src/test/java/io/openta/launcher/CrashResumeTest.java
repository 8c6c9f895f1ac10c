package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import io.openta.model.events.DayEvent;

/**
 * Kills the process running the day (SIGKILL: nothing gets to finish or clean up) at many points across all eight
 * stages, starts it again and clears the same day: the outbox is byte-identical to the undisturbed run, so no record
 * was doubled or lost. Between points the day is rolled back to its start.
 */
class CrashResumeTest {
    private static final String DAY1 = "20261125";
    private static final String DAY2 = "20261126";
    /** Milliseconds after the k-th completed stage at which the kill lands. */
    private static final int[] DELAYS = { 0, 15, 50 };

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void killedAtAnyPointTheDayResumesToIdenticalOutputs() throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        Path inbox = golden.resolve(DAY2 + "/in");
        Path expected = golden.resolve(DAY2 + "/out");
        List<String> landed = new ArrayList<>();
        try (LocalCluster cluster = LocalCluster.start(TestCases.options(work.resolve("data")))) {
            Api api = new Api(cluster);
            assertTrue(cluster.runDay(DAY1, golden.resolve(DAY1 + "/in"), work.resolve("out1"), e -> { }).completed());
            Path outbox = work.resolve("out2");
            // every stage boundary at three delays; then, should fewer than 20 kills have landed inside the day
            // (a fast machine finishes the last stages before the kill), more early points until 20 have
            List<int[]> points = new ArrayList<>();
            for (int stagesDone = 0; stagesDone < 8; stagesDone++) {
                for (int delay : DELAYS) {
                    points.add(new int[] { stagesDone, delay });
                }
            }
            for (int point = 1; point <= points.size() && point <= 40; point++) {
                int stagesDone = points.get(point - 1)[0];
                int delay = points.get(point - 1)[1];
                if (point > 1) {
                    api.rollbackTo(DAY2, "day-init");
                }
                String where = crashAt(cluster, inbox, outbox, stagesDone, delay);
                landed.add("point " + point + ": after " + stagesDone + " stages + " + delay + " ms -> " + where);
                cluster.restartFunctions();
                DayOutcome resumed = cluster.runDay(DAY2, inbox, outbox, e -> { });
                assertTrue(resumed.completed(), "point " + point + " (" + where + "): " + resumed.message());
                TestCases.assertSameOutbox(expected, outbox, "resumed after a kill at point " + point + " ("
                        + where + ")");
                if (point == points.size() && insideDay(landed) < 20) {
                    points.add(new int[] { point % 7, 0 });
                }
            }
        }
        System.out.println("kill points:\n  " + String.join("\n  ", landed));
        assertTrue(insideDay(landed) >= 20, "at least 20 kills must land inside the day: " + landed);
    }

    private static long insideDay(List<String> landed) {
        return landed.stream().filter(s -> !s.endsWith("completed before the kill")).count();
    }

    /** Starts the day and kills the functions app {@code delay} ms after {@code stagesDone} stages completed. */
    private static String crashAt(LocalCluster cluster, Path inbox, Path outbox, int stagesDone, int delay)
            throws Exception {
        AtomicInteger completed = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        List<String> seen = new ArrayList<>();
        CountDownLatch reached = new CountDownLatch(stagesDone == 0 ? 0 : 1);
        Thread killer = new Thread(() -> {
            try {
                reached.await(60, TimeUnit.SECONDS);
                Thread.sleep(delay);
                killed.set(true);
                cluster.crashFunctions();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        killer.start();
        DayOutcome outcome = cluster.runDay(DAY2, inbox, outbox, (DayEvent e) -> {
            if (DayEvent.STAGE_COMPLETED.equals(e.type())) {
                seen.add(e.stage());
                if (completed.incrementAndGet() == stagesDone) {
                    reached.countDown();
                }
            }
        });
        killer.join();
        if (outcome.completed()) {
            return "completed before the kill";
        }
        String next = seen.size() < 8 ? "in stage " + (seen.size() + 1) + " (after " + seen + ")" : "while publishing";
        return "killed " + next;
    }
}
