package io.openta.scheduler.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.openta.model.events.Stage;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes {@code openta_tasks_dispatched_total{stage}} of every stage, and the verify counters
 * ({@link VerifyMetric}), at 0 as soon as the scheduler starts. The release analysis reads the increase of the
 * dispatch counter over its window as "the stage was clearing" (rollout/README.md): a counter that only appeared at
 * its first dispatch would hide that first burst from {@code increase()}, and before it the analysis would find no
 * series at all, which it treats as missing data.
 */
@ApplicationScoped
public class ClearingWindowMetric {
    /** The counter DayScheduler increments per dispatched task, tagged {@code stage}. */
    static final String DISPATCHED = "openta.tasks.dispatched";

    void onStart(@Observes StartupEvent event, MeterRegistry metrics, DayAudit audit) {
        register(metrics);
        audit.publishCounters();
    }

    static void register(MeterRegistry metrics) {
        for (Stage stage : Stage.values()) {
            metrics.counter(DISPATCHED, "stage", stage.id());
        }
    }
}
