package io.openta.scheduler.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

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

        assertTrue(metric.record("20261125", found));
        assertFalse(metric.record("20261125", found), "the second verify of the same day counted again");
        assertEquals(3, mismatches(registry, CANARY));
        assertEquals(1, mismatches(registry, Writer.UNATTRIBUTED));
        assertEquals(0, mismatches(registry, STABLE));
        assertEquals(2, registry.find(VerifyMetric.RUNS).counter().count(), "every run is still seen");

        assertTrue(metric.record("20261126", Map.of(CANARY, 2L, STABLE, 1L)));
        assertEquals(5, mismatches(registry, CANARY));
        assertEquals(1, mismatches(registry, STABLE));
    }

    @Test
    void theProcessOwnVersionIsPublishedAtZeroBeforeAnyVerify() {
        MeterRegistry registry = new SimpleMeterRegistry();
        new VerifyMetric(registry, STABLE.version(), STABLE.track());
        var own = registry.find(VerifyMetric.MISMATCHES).tag("version", STABLE.version()).tag("track", STABLE.track())
                .counter();
        assertTrue(own != null, "a clean version must read 0, not no data");
        assertEquals(0, own.count());
    }
}
