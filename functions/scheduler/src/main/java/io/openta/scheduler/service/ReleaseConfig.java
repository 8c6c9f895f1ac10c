package io.openta.scheduler.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gray release (env OPENTA_RELEASE_SEGMENTS_FILE, OPENTA_RELEASE_CANARY_TIMEOUT). */
@ConfigMapping(prefix = "openta.release")
public interface ReleaseConfig {
    /** The release plan's segments.json (the rollout chart's segment ConfigMap); without it no step can be set. */
    Optional<Path> segmentsFile();

    /**
     * How long a canary-lane task may wait without any process running it before the scheduler takes the canary
     * for dead: it aborts the canary and has stable clear the canary's work of the day again ({@link CanaryGuard}).
     */
    @WithDefault("PT5M")
    Duration canaryTimeout();
}
