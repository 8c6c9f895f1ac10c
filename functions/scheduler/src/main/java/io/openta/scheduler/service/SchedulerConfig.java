package io.openta.scheduler.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the scheduler treats shard tasks (OPENTA_SCHEDULER_LEASE, OPENTA_SCHEDULER_MAX_ATTEMPTS, ...). */
@ConfigMapping(prefix = "openta.scheduler")
public interface SchedulerConfig {
    /** A dispatched task not picked up and finished within this is dispatched again. */
    @WithDefault("PT10M")
    Duration lease();

    /** Attempts of a failing task before its stage stops the day. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait before the first retry; doubled for each further one. */
    @WithDefault("PT2S")
    Duration retryBackoff();

    /** A stage running longer than this is reported stuck by the health check. */
    @WithDefault("PT30M")
    Duration stuckAfter();

    /** Verify each completed day record by record in the background, counting mismatches in the metrics. */
    @WithDefault("true")
    boolean verifyAfterDay();
}
