package io.openta.scheduler.rest;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.openta.scheduler.service.DayStatusService;
import io.openta.scheduler.service.SchedulerConfig;
import io.smallrye.health.api.Wellness;

/** Reports DOWN (at /q/health/well) while a running day's stage has run longer than openta.scheduler.stuck-after. */
@Wellness
@ApplicationScoped
public class StuckStageCheck implements HealthCheck {
    private final DayStatusService status;
    private final SchedulerConfig config;

    public StuckStageCheck(DayStatusService status, SchedulerConfig config) {
        this.status = status;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, String> stuck = status.stuck(config.stuckAfter().toSeconds());
        HealthCheckResponseBuilder b = HealthCheckResponse.named("stages-progressing").status(stuck.isEmpty());
        stuck.forEach((date, where) -> b.withData(date, "stuck at " + where));
        return b.build();
    }
}
