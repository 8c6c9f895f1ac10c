package io.openta.runtime.task;

import com.fasterxml.jackson.annotation.JsonCreator;

import io.openta.model.events.Traffic;
import io.openta.runtime.release.Lane;
import io.openta.runtime.release.Segment;

/**
 * The envelope of one shard task, sent by the scheduler on a stage's task topic.
 *
 * @param date    business date
 * @param stage   stage id
 * @param step    step of the stage (a stage runs its steps in order, each split into shards)
 * @param shard   0-based task number of the step (shard, or shards + shard for a canary lane)
 * @param shards  how many shards the step has
 * @param attempt 1 for the first dispatch, incremented by retries
 * @param segment the canary segment the step was split by, or null (not split)
 * @param traffic production or shadow (stress) task; absent (null) is production. The runner opens the task's
 *                transaction under this mark ({@link io.openta.runtime.db.shadow.TrafficGuard}).
 */
public record TaskMessage(String date, String stage, String step, int shard, int shards, int attempt,
        Segment segment, Traffic traffic) {

    @JsonCreator
    public TaskMessage {
        traffic = Traffic.orProduction(traffic);
    }

    /** A production task of a step not split by a segment. */
    public TaskMessage(String date, String stage, String step, int shard, int shards, int attempt) {
        this(date, stage, step, shard, shards, attempt, null, Traffic.PRODUCTION);
    }

    /** A production task, of a lane when {@code segment} is given. */
    public TaskMessage(String date, String stage, String step, int shard, int shards, int attempt,
            Segment segment) {
        this(date, stage, step, shard, shards, attempt, segment, Traffic.PRODUCTION);
    }

    /** A task of the given traffic, of a step not split by a segment. */
    public TaskMessage(String date, String stage, String step, int shard, int shards, int attempt,
            Traffic traffic) {
        this(date, stage, step, shard, shards, attempt, null, traffic);
    }

    /** The lane this task clears. */
    public Lane lane() {
        if (segment == null) {
            return Lane.ALL;
        }
        return shard >= shards ? Lane.CANARY : Lane.STABLE;
    }

    /** The shard (slot range) this task clears a lane of. */
    public int laneShard() {
        return shard >= shards ? shard - shards : shard;
    }

    public String describe() {
        return date + "/" + stage + "/" + step + "#" + laneShard() + "/" + shards + (lane() == Lane.ALL ? ""
                : " " + lane().name().toLowerCase(java.util.Locale.ROOT) + " lane") + " attempt " + attempt
                + (traffic == Traffic.SHADOW ? " (shadow)" : "");
    }
}
