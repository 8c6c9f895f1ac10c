package io.openta.runtime.task;

import io.openta.model.events.Traffic;

/**
 * What a stage function answers for one shard task, on the results topic.
 *
 * @param status     DONE or FAILED
 * @param records    records the task handled
 * @param error      the cause when FAILED
 * @param dayFailure true when the failure is a property of the day's input (spec 2.1): retrying cannot help
 * @param traffic    the mark of the task answered; absent (null) is production
 */
public record TaskResult(String date, String stage, String step, int shard, int attempt, String status, long records,
        String error, boolean dayFailure, Traffic traffic) {
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    public TaskResult {
        traffic = Traffic.orProduction(traffic);
    }

    /** A production result (the form senders used before the traffic mark). */
    public TaskResult(String date, String stage, String step, int shard, int attempt, String status, long records,
            String error, boolean dayFailure) {
        this(date, stage, step, shard, attempt, status, records, error, dayFailure, Traffic.PRODUCTION);
    }

    public static TaskResult done(TaskMessage t, long records) {
        return new TaskResult(t.date(), t.stage(), t.step(), t.shard(), t.attempt(), DONE, records, null, false,
                t.traffic());
    }

    public static TaskResult failed(TaskMessage t, String error, boolean dayFailure) {
        return new TaskResult(t.date(), t.stage(), t.step(), t.shard(), t.attempt(), FAILED, 0, error, dayFailure,
                t.traffic());
    }
}
