package io.openta.runtime.task;

import io.openta.model.events.Traffic;

/**
 * The envelope of one shard task, sent by the scheduler on a stage's task topic.
 *
 * @param date    business date
 * @param stage   stage id
 * @param step    step of the stage (a stage runs its steps in order, each split into shards)
 * @param shard   0-based shard of the step
 * @param shards  how many shards the step has
 * @param attempt 1 for the first dispatch, incremented by retries
 * @param traffic production or shadow (stress) task; absent (null) is production. The runner opens the task's
 *                transaction under this mark ({@link io.openta.runtime.db.shadow.TrafficGuard}).
 */
public record TaskMessage(String date, String stage, String step, int shard, int shards, int attempt,
        Traffic traffic) {
    public TaskMessage {
        traffic = Traffic.orProduction(traffic);
    }

    /** A production task (the form senders used before the traffic mark). */
    public TaskMessage(String date, String stage, String step, int shard, int shards, int attempt) {
        this(date, stage, step, shard, shards, attempt, Traffic.PRODUCTION);
    }

    public String describe() {
        return date + "/" + stage + "/" + step + "#" + shard + "/" + shards + " attempt " + attempt
                + (traffic == Traffic.SHADOW ? " (shadow)" : "");
    }
}
