package io.openta.runtime.release;

import io.openta.runtime.config.Track;

/**
 * Which accounts of a shard one task clears. Without a canary step every task is {@link #ALL}; during one, each
 * per-account shard is split into a {@link #CANARY} task (the segment's accounts, run by the canary track) and a
 * {@link #STABLE} task (the rest, run by the stable track).
 */
public enum Lane {
    ALL,
    STABLE,
    CANARY;

    /** The track whose processes run this lane's tasks. */
    public Track track() {
        return this == CANARY ? Track.CANARY : Track.STABLE;
    }
}
