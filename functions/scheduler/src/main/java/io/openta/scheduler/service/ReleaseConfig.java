package io.openta.scheduler.service;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The gray release (env OPENTA_RELEASE_SEGMENTS_FILE). */
@ConfigMapping(prefix = "openta.release")
public interface ReleaseConfig {
    /** The release plan's segments.json (the rollout chart's segment ConfigMap); without it no step can be set. */
    Optional<Path> segmentsFile();
}
