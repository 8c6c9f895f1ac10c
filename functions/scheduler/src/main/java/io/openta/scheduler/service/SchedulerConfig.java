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

    /**
     * The leadership lease: a leader that stops renewing loses it this long after its last renewal. A follower tries
     * every {@link #leaderRenewEvery()}, so it takes over at most TTL + one interval after the leader died.
     */
    @WithDefault("PT10S")
    Duration leaderTtl();

    /** How often the leader renews its lease and a follower tries to take it. */
    @WithDefault("PT2S")
    Duration leaderRenewEvery();

    /** Where this scheduler's REST API answers, as followers name it to callers. */
    @WithDefault("http://127.0.0.1:${quarkus.http.port:8080}")
    String advertisedUrl();

    /** How often the leader sweeps open days for work to recover (expired leases, finished steps, publishing). */
    @WithDefault("PT2S")
    Duration sweepEvery();
}
