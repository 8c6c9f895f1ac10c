package io.openta.runtime.task;

import com.fasterxml.jackson.annotation.JsonCreator;

import io.openta.runtime.release.Lane;
import io.openta.runtime.release.Segment;

/**
 * The envelope of one shard task, sent by the scheduler on a stage's task topic.
 *
 * <p>During a canary release step a per-account step is split in two lanes: it has {@code 2 * shards} tasks, task
 * {@code s < shards} the stable lane of shard {@code s} and task {@code shards + s} the canary lane of shard
 * {@code s}, both carrying the {@code segment} that tells the lanes apart. Without a canary step the segment is
 * null and task {@code s} clears all of shard {@code s}.
 *
 * @param date    business date
 * @param stage   stage id
 * @param step    step of the stage (a stage runs its steps in order, each split into shards)
 * @param shard   0-based task number of the step (shard, or shards + shard for a canary lane)
 * @param shards  how many shards the step has
 * @param attempt 1 for the first dispatch, incremented by retries
 * @param segment the canary segment the step was split by, or null (not split)
 */
public record TaskMessage(String date, String stage, String step, int shard, int shards, int attempt,
        Segment segment) {

    @JsonCreator
    public TaskMessage {
    }

    public TaskMessage(String date, String stage, String step, int shard, int shards, int attempt) {
        this(date, stage, step, shard, shards, attempt, null);
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
                : " " + lane().name().toLowerCase(java.util.Locale.ROOT) + " lane") + " attempt " + attempt;
    }
}
