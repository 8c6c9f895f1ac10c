package io.openta.runtime.task;

/**
 * What a stage function answers for one shard task, on the results topic.
 *
 * @param status     DONE or FAILED
 * @param records    records the task handled
 * @param error      the cause when FAILED
 * @param dayFailure true when the failure is a property of the day's input (spec 2.1): retrying cannot help
 */
public record TaskResult(String date, String stage, String step, int shard, int attempt, String status, long records,
        String error, boolean dayFailure) {
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    public static TaskResult done(TaskMessage t, long records) {
        return new TaskResult(t.date(), t.stage(), t.step(), t.shard(), t.attempt(), DONE, records, null, false);
    }

    public static TaskResult failed(TaskMessage t, String error, boolean dayFailure) {
        return new TaskResult(t.date(), t.stage(), t.step(), t.shard(), t.attempt(), FAILED, 0, error, dayFailure);
    }
}
