package io.openta.runtime.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The release track a functions process runs on (openta.track, env OPENTA_TRACK, {@code serve --track}): the
 * stable version, or the canary of a gray release. Every task records the track that ran it, and the task metrics
 * carry it as a tag. A canary process consumes only the canary lanes of its stages (release.LaneTopics), which the
 * scheduler fills with the current release step's segment.
 */
public enum Track {
    STABLE,
    CANARY;

    /** The lower-case name used in config, task rows and metric tags. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The track named {@code text} (case-insensitive), or an IllegalArgumentException whose message is one line. A
     * blank value is stable: on Kubernetes OPENTA_TRACK comes from the pod's {@code openta.io/track} label, which a
     * pod created outside a rollout update may not carry, and the downward API then gives an empty string.
     */
    public static Track parse(String text) {
        if (text == null || text.isBlank()) {
            return STABLE;
        }
        for (Track t : values()) {
            if (t.id().equalsIgnoreCase(text.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("track '" + text + "' is not one of " + Arrays.stream(values())
                .map(Track::id).collect(Collectors.joining(", ")) + " (openta.track, env OPENTA_TRACK, serve --track)");
    }
}
