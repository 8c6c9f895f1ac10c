package io.openta.scheduler.rollout;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The Argo Rollout the release step follows (env OPENTA_RELEASE_ROLLOUT_NAME, OPENTA_RELEASE_ROLLOUT_NAMESPACE,
 * OPENTA_RELEASE_ROLLOUT_CHECK_EVERY). Without a name the follower is off and nothing talks to a Kubernetes API
 * server.
 */
@ConfigMapping(prefix = "openta.release.rollout")
public interface RolloutConfig {
    /** The Rollout's name; unset (the default): the release step is set through the API only. */
    Optional<String> name();

    /** Its namespace; unset: the Kubernetes client's namespace (in a pod, the pod's own). */
    Optional<String> namespace();

    /** How often the leader reads the Rollout's status. */
    @WithDefault("PT10S")
    Duration checkEvery();
}
