package io.openta.runtime.task;

/**
 * The envelope of one shard task, sent by the scheduler on a stage's task topic.
 *
 * @param date    business date
 * @param stage   stage id
 * @param step    step of the stage (a stage runs its steps in order, each split into shards)
 * @param shard   0-based shard of the step
 * @param shards  how many shards the step has
 * @param attempt 1 for the first dispatch, incremented by retries
 */
public record TaskMessage(String date, String stage, String step, int shard, int shards, int attempt) {
    public String describe() {
        return date + "/" + stage + "/" + step + "#" + shard + "/" + shards + " attempt " + attempt;
    }
}
