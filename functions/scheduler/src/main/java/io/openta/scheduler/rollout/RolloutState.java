package io.openta.scheduler.rollout;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * What the follower reads of an Argo Rollout's {@code status}.
 *
 * @param stepIndex {@code status.currentStepIndex}, or null when the Rollout reports none (no canary steps)
 * @param aborting  {@code status.abort} is true or {@code status.phase} is Degraded: the canary is to be aborted
 */
record RolloutState(Integer stepIndex, boolean aborting) {
    /** The phase Argo Rollouts gives a Rollout whose canary failed (analysis failed, progress deadline passed). */
    static final String DEGRADED = "Degraded";

    static RolloutState of(GenericKubernetesResource rollout) {
        Object status = rollout.getAdditionalProperties().get("status");
        if (!(status instanceof java.util.Map<?, ?> s)) {
            return new RolloutState(null, false);
        }
        Integer index = s.get("currentStepIndex") instanceof Number n ? n.intValue() : null;
        boolean aborting = Boolean.TRUE.equals(s.get("abort")) || DEGRADED.equals(s.get("phase"));
        return new RolloutState(index, aborting);
    }
}
