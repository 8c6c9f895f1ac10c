package io.openta.scheduler.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openta.model.events.Stage;

class ClearingWindowMetricTest {

    /** The analysis's clearing-window query needs every stage's series before its first dispatch. */
    @Test
    void everyStageHasItsDispatchCounterAtZeroBeforeAnyDispatch() {
        MeterRegistry registry = new SimpleMeterRegistry();
        ClearingWindowMetric.register(registry);
        for (Stage s : Stage.values()) {
            Counter c = registry.find(ClearingWindowMetric.DISPATCHED).tag("stage", s.id()).counter();
            assertNotNull(c, s.id());
            assertEquals(0, c.count(), s.id());
        }
        // the same meter DayScheduler increments (same name and tags): registering did not fork a second one
        registry.counter(ClearingWindowMetric.DISPATCHED, "stage", Stage.CLEARING.id()).increment();
        assertEquals(1, registry.find(ClearingWindowMetric.DISPATCHED).tag("stage", "clearing").counter().count());
    }
}
