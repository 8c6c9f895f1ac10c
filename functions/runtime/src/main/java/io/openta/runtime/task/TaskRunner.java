package io.openta.runtime.task;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openta.runtime.chaos.Failpoints;
import io.openta.runtime.config.OpenTaConfig;
import io.openta.runtime.config.Track;
import io.openta.runtime.db.DbConfig;
import io.openta.runtime.db.DbRetry;
import io.openta.runtime.db.Sql;
import io.openta.runtime.db.Transactions;
import io.openta.runtime.db.shadow.TrafficGuard;
import io.openta.runtime.staging.Staging;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * Runs shard tasks exactly once in effect. The task's row in {@code sched.task} is locked, the stage's work runs in
 * the same transaction, and the row is marked DONE before commit: a task delivered twice (redelivery after a crash,
 * a lease that expired while the first worker was slow) waits on the lock and then sees DONE. A crash before commit
 * leaves nothing behind, so the retry starts clean. A database lost under a task (a primary failing over) is not the
 * task's failure: {@link DbRetry} runs it again on a new connection, without using up one of its attempts. A worker
 * frozen inside a task does not hold the lock for as long as it is frozen: its transaction is ended by the server
 * once idle for {@link DbConfig#taskIdleLimit()}, and the task's redelivery then runs.
 */
@ApplicationScoped
public class TaskRunner {
    private static final Logger LOG = Logger.getLogger(TaskRunner.class);

    private final Pool pool;
    private final OpenTaConfig config;
    private final Staging staging;
    private final Map<String, StageHandler> handlers;
    private final MeterRegistry metrics;
    private final Failpoints failpoints;
    private final Track track;
    private final DbRetry retry;
    private final TrafficGuard guard;
    private final String idleLimit;

    public TaskRunner(Pool pool, OpenTaConfig config, Staging staging, Instance<StageHandler> handlers,
            MeterRegistry metrics, Failpoints failpoints, DbRetry retry, TrafficGuard guard, DbConfig db) {
        this.idleLimit = "SET LOCAL idle_in_transaction_session_timeout = " + db.taskIdleLimit().toMillis();
        this.retry = retry;
        this.guard = guard;
        this.pool = pool;
        this.config = config;
        this.staging = staging;
        this.handlers = handlers.stream().collect(Collectors.toMap(h -> h.stage().id(), Function.identity()));
        this.metrics = metrics;
        this.failpoints = failpoints;
        this.track = Track.parse(config.track());   // TrackCheck refuses the start before a task could come
    }

    public boolean handles(String stage) {
        return handlers.containsKey(stage);
    }

    /** Runs the task; null when it is not to run now (unknown, superseded, or its day not running). */
    public TaskResult run(TaskMessage task) {
        StageHandler handler = handlers.get(task.stage());
        if (handler == null) {
            return null;
        }
        Timer.Sample sample = Timer.start(metrics);
        try {
            // a task cut off by a lost database (the primary failing over) runs again here, on a new connection,
            // rather than fail: its row says DONE if the cut-off commit made it
            return retry.run(task.describe(), () -> once(task, handler, sample));
        } catch (DayFailure e) {
            count("openta.tasks.failed", task);
            LOG.infof("%s: the day fails: %s", task.describe(), e.getMessage());
            return TaskResult.failed(task, e.getMessage(), true);
        } catch (RuntimeException e) {
            count("openta.tasks.failed", task);
            Throwable cause = e.getCause() != null && e.getClass() == RuntimeException.class ? e.getCause() : e;
            LOG.errorf(cause, "%s failed", task.describe());
            return TaskResult.failed(task, String.valueOf(cause), false);
        }
    }

    private TaskResult once(TaskMessage task, StageHandler handler, Timer.Sample sample) {
        SqlConnection conn = pool.getConnectionAndAwait();
        try {
            Transaction tx = conn.beginAndAwait();
            try {
                conn.query(idleLimit).executeAndAwait();
                // the task's mark decides its schemas and role: a shadow task reads and writes shadow tables only
                Sql sql = guard.enter(conn, task.traffic());
                Row row = sql.one("""
                        SELECT t.status, t.records, d.status AS day_status FROM sched.task t
                        JOIN sched.day d ON d.biz_date = t.biz_date
                        WHERE t.biz_date = $1 AND t.stage = $2 AND t.step = $3 AND t.shard = $4 AND t.shards = $5
                        FOR UPDATE OF t""", task.date(), task.stage(), task.step(), task.shard(), task.shards());
                if (row == null || !"RUNNING".equals(row.getString("day_status"))) {
                    tx.rollbackAndAwait();
                    LOG.debugf("skipping %s: not planned or day not running", task.describe());
                    return null;
                }
                if ("DONE".equals(row.getString("status"))) {
                    tx.commitAndAwait();
                    return TaskResult.done(task, row.getLong("records"));
                }
                failpoints.sleepInTask(task.stage());
                long records = handler.execute(new TaskContext(task, sql, config, staging.of(task.traffic())));
                sql.update("""
                        UPDATE sched.task SET status = 'DONE', records = $5, error = NULL, updated_at = now()
                        WHERE biz_date = $1 AND stage = $2 AND step = $3 AND shard = $4""",
                        task.date(), task.stage(), task.step(), task.shard(), records);
                // one row per commit of a task's work: the failure tests count these to prove no effect twice,
                // the zone tests read from it which zone ran the task, and verify attributes a wrong row to the
                // version and track of the task that wrote it
                sql.update("""
                        INSERT INTO sched.task_execution (biz_date, stage, step, shard, attempt, records, zone,
                          version, track)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""", task.date(), task.stage(), task.step(),
                        task.shard(), task.attempt(), records, config.zone(), config.version(), track.id());
                tx.commitAndAwait();
                count("openta.tasks.completed", task);
                long nanos = sample.stop(metrics.timer("openta.task.duration", "stage", task.stage(), "traffic",
                        tag(task)));
                LOG.infof("%s: %d records in %d ms", task.describe(), records, nanos / 1_000_000);
                return TaskResult.done(task, records);
            } catch (RuntimeException | Error e) {
                safeRollback(tx);
                throw e;
            } catch (Exception e) {
                safeRollback(tx);
                throw new RuntimeException(e);
            }
        } finally {
            Transactions.closeQuietly(conn);
        }
    }

    /**
     * The task counters carry this process's version and track, so a release compares canary with stable, and the
     * task's traffic ({@code production|shadow}), so dashboards and alerts can leave stress days out.
     */
    private void count(String name, TaskMessage task) {
        metrics.counter(name, "stage", task.stage(), "version", config.version(), "track", track.id(), "traffic",
                tag(task)).increment();
    }

    private static String tag(TaskMessage task) {
        return task.traffic().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void safeRollback(Transaction tx) {
        try {
            tx.rollbackAndAwait();
        } catch (RuntimeException ignored) {
            // the connection is gone; the transaction is rolled back by the server
        }
    }
}
