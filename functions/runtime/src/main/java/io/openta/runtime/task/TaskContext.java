package io.openta.runtime.task;

import io.openta.runtime.config.OpenTaConfig;
import io.openta.runtime.db.Sql;
import io.openta.runtime.release.LaneFilter;
import io.openta.runtime.staging.Staging;

/** What a {@link StageHandler} gets for one shard task. */
public record TaskContext(TaskMessage task, Sql sql, OpenTaConfig config, Staging staging) {
    public String date() {
        return task.date();
    }

    public String step() {
        return task.step();
    }

    /** The task number: the shard, or for a canary lane shards + shard (see {@link TaskMessage}). */
    public int shard() {
        return task.shard();
    }

    public int shards() {
        return task.shards();
    }

    /** First slot (inclusive) of this shard: shards cover equal ranges of the 1024 account hash slots. */
    public int slotFrom() {
        return Slots.from(task.laneShard(), task.shards());
    }

    /** Last slot (exclusive) of this shard. */
    public int slotTo() {
        return Slots.from(task.laneShard() + 1, task.shards());
    }

    /**
     * Which of the shard's accounts this task clears: every per-account stage query adds this condition to its slot
     * range (all of them, unless a canary release step split the step in lanes).
     */
    public LaneFilter lane() {
        return task.segment() == null ? LaneFilter.ALL : new LaneFilter(task.lane(), task.segment());
    }
}
