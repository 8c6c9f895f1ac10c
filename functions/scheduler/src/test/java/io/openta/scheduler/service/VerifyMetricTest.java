package io.openta.scheduler.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openta.verify.VerifyReport.Writer;

class VerifyMetricTest {
    private static final Writer CANARY = new Writer("2.0.0", "canary");
    private static final Writer STABLE = new Writer("1.0.0", "stable");

    private static double mismatches(MeterRegistry r, Writer w) {
        var c = r.find(VerifyMetric.MISMATCHES).tag("version", w.version()).tag("track", w.track()).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void verifyingADayTwiceCountsItsMismatchesOnce() {
        MeterRegistry registry = new SimpleMeterRegistry();
        VerifyMetric metric = new VerifyMetric(registry);
        Map<Writer, Long> found = Map.of(CANARY, 3L, Writer.UNATTRIBUTED, 1L);

        assertEquals(0, registry.find(VerifyMetric.RUNS).counter().count(), "runs is published from 0");
        assertTrue(metric.record("20261125", Set.of(CANARY), found));
        assertFalse(metric.record("20261125", Set.of(CANARY), found), "the second verify of the same day counted again");
        assertEquals(3, mismatches(registry, CANARY));
        assertEquals(1, mismatches(registry, Writer.UNATTRIBUTED));
        assertEquals(0, mismatches(registry, STABLE));
        assertEquals(2, registry.find(VerifyMetric.RUNS).counter().count(), "every run is still seen");

        assertTrue(metric.record("20261126", Set.of(CANARY, STABLE), Map.of(CANARY, 2L, STABLE, 1L)));
        assertEquals(5, mismatches(registry, CANARY));
        assertEquals(1, mismatches(registry, STABLE));
    }

    /** A version that ran tasks of the day and wrote nothing wrong reads 0; one that ran none has no series. */
    @Test
    void everyWriterOfTheDayGetsItsSeriesAtZeroWhenItWroteNothingWrong() {
        MeterRegistry registry = new SimpleMeterRegistry();
        VerifyMetric metric = new VerifyMetric(registry);
        assertTrue(metric.record("20261125", Set.of(CANARY, STABLE), Map.of(STABLE, 2L)));
        var canary = registry.find(VerifyMetric.MISMATCHES).tag("version", CANARY.version())
                .tag("track", CANARY.track()).counter();
        assertTrue(canary != null, "the canary did work on the day: its series must exist");
        assertEquals(0, canary.count());
        assertEquals(2, mismatches(registry, STABLE));
        assertEquals(null, registry.find(VerifyMetric.MISMATCHES).tag("version", "3.0.0").counter(),
                "a version that ran no task has no series");
    }

    /** Only a verified day's writers get a series: the scheduler's own version would pass for a judged canary. */
    @Test
    void noMismatchSeriesBeforeAnyVerification() {
        MeterRegistry registry = new SimpleMeterRegistry();
        new VerifyMetric(registry);
        assertEquals(null, registry.find(VerifyMetric.MISMATCHES).counter());
        assertEquals(0, registry.find(VerifyMetric.RUNS).counter().count());
    }
}
