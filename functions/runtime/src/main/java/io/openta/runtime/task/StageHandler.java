package io.openta.runtime.task;

import io.openta.model.events.Stage;

/**
 * The logic of one stage. A stage app holds one implementation as an {@code @ApplicationScoped} bean; the runtime
 * receives its shard tasks, runs {@link #execute} inside the task's database transaction, and reports the result.
 */
public interface StageHandler {
    Stage stage();

    /**
     * Runs one shard task of one step. Everything it writes to the database goes through {@code ctx.sql()} so that it
     * commits together with the task's completion mark: a task delivered twice runs once. Files it writes must be
     * written whole (temp file, then rename) and be the same when written again.
     *
     * @return the number of records handled, for progress and metrics
     * @throws DayFailure when the input makes the day fail
     */
    long execute(TaskContext ctx) throws Exception;
}
