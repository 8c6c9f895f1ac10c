package io.openta.runtime.task;

import io.openta.runtime.config.OpenTaConfig;
import io.openta.runtime.db.Sql;
import io.openta.runtime.staging.Staging;

/** What a {@link StageHandler} gets for one shard task. */
public record TaskContext(TaskMessage task, Sql sql, OpenTaConfig config, Staging staging) {
    public String date() {
        return task.date();
    }

    public String step() {
        return task.step();
    }

    public int shard() {
        return task.shard();
    }

    public int shards() {
        return task.shards();
    }

    /** First slot (inclusive) of this shard: shards cover equal ranges of the 1024 account hash slots. */
    public int slotFrom() {
        return Slots.from(task.shard(), task.shards());
    }

    /** Last slot (exclusive) of this shard. */
    public int slotTo() {
        return Slots.from(task.shard() + 1, task.shards());
    }
}
