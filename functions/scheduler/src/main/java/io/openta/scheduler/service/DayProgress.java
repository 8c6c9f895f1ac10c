package io.openta.scheduler.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.openta.model.events.DayEvent;
import io.openta.model.events.Stage;
import io.openta.model.events.Traffic;
import io.openta.runtime.config.OpenTaConfig;
import io.openta.runtime.db.Sql;
import io.openta.runtime.release.Segment;
import io.openta.runtime.task.TaskMessage;
import io.openta.runtime.task.TaskResult;
import io.openta.scheduler.repository.DayRollback;
import io.openta.scheduler.repository.DayRow;
import io.openta.scheduler.repository.ReleaseRepository;
import io.vertx.mutiny.sqlclient.Row;

/**
 * How a day moves on, inside one of {@link DayScheduler}'s transactions: the next step, stage or publishing once a
 * step is done; a step's tasks planned (split into lanes when its stage runs with a canary segment); a failed task
 * retried, stopping the day, or failing it. Decides only: what is to be sent goes into the {@link DayEffects}.
 */
@ApplicationScoped
public class DayProgress {
    private static final Logger LOG = Logger.getLogger(DayProgress.class);

    private final OpenTaConfig config;
    private final SchedulerConfig scheduling;
    private final MeterRegistry metrics;

    public DayProgress(OpenTaConfig config, SchedulerConfig scheduling, MeterRegistry metrics) {
        this.config = config;
        this.scheduling = scheduling;
        this.metrics = metrics;
    }

    /** After a restart, resume or start: re-dispatch what is not done, or move on if all is. */
    void continueDay(Sql sql, DayRow day, DayEffects e) {
        if ("PUBLISHING".equals(day.status())) {
            e.publish = day;
            return;
        }
        Row counts = sql.one("""
                SELECT count(*) AS n, count(*) FILTER (WHERE status <> 'DONE') AS open FROM sched.task
                WHERE biz_date = $1 AND stage = $2 AND step = $3""", day.date(), day.stage(), day.step());
        if (counts.getLong("n") == 0 || counts.getLong("open") == 0) {
            // no tasks: the day stopped between two steps
            advance(sql, day, e);
            return;
        }
        for (Row t : sql.list("""
                SELECT biz_date, stage, step, shard, shards FROM sched.task
                WHERE biz_date = $1 AND stage = $2 AND step = $3 AND status <> 'DONE'
                FOR UPDATE SKIP LOCKED""", day.date(), day.stage(), day.step())) {
            e.tasks.add(redispatch(sql, t));
        }
    }

    /** The current step is done (or none has started): start the next step, stage, or publish. */
    void advance(Sql sql, DayRow day, DayEffects e) {
        Stage stage = Stage.byId(day.stage()).orElseThrow();
        List<Step> steps = DayPlan.steps(sql, day.date(), stage, config.shards());
        int next = indexOf(steps, day.step()) + 1;
        while (true) {
            while (next < steps.size()) {
                Step step = steps.get(next);
                if (step.shards() > 0) {
                    startStep(sql, day, stage, step, e);
                    return;
                }
                next++;
            }
            finishStage(sql, day, stage, e);
            if (stage.next().isEmpty()) {
                sql.update("UPDATE sched.day SET status = 'PUBLISHING', step = '' WHERE biz_date = $1", day.date());
                e.publish = day;
                return;
            }
            stage = stage.next().get();
            // the stage takes the release's segment now and keeps it for all its steps
            ReleaseRepository.startStage(sql, day.date(), stage.id());
            steps = DayPlan.steps(sql, day.date(), stage, config.shards());
            next = 0;
        }
    }

    /**
     * Plans and dispatches a step's tasks. A per-account step of a stage started with a canary segment has two
     * tasks per shard (see {@link TaskMessage}): the stable lane's and the canary lane's, which {@link Outbound}
     * sends to the stage's canary topic.
     */
    private void startStep(Sql sql, DayRow day, Stage stage, Step step, DayEffects e) {
        sql.update("UPDATE sched.day SET stage = $2, step = $3 WHERE biz_date = $1", day.date(), stage.id(),
                step.name());
        sql.update("DELETE FROM sched.task WHERE biz_date = $1 AND stage = $2 AND step = $3", day.date(), stage.id(),
                step.name());
        Segment segment = step.perAccount() ? ReleaseRepository.stageSegment(sql, day.date(), stage.id()) : null;
        int tasks = segment == null ? step.shards() : 2 * step.shards();
        sql.update("""
                INSERT INTO sched.task (biz_date, stage, step, shard, shards, status, attempts, lease_until)
                SELECT $1, $2, $3, s, $4, 'DISPATCHED', 1, now() + $5 * interval '1 second'
                FROM generate_series(0, $6 - 1) s""", day.date(), stage.id(), step.name(), step.shards(),
                scheduling.lease().toSeconds(), tasks);
        for (int s = 0; s < tasks; s++) {
            e.tasks.add(new TaskMessage(day.date(), stage.id(), step.name(), s, step.shards(), 1, segment));
        }
        LOG.debugf("day %s: %s/%s in %d tasks%s", day.date(), stage.id(), step.name(), tasks,
                segment == null ? "" : " (stable and canary lanes of " + segment.describe() + ")");
    }

    /** The segment a planned task was split by: its stage run's, when the task is one of two lanes of its shard. */
    static Segment laneSegment(Sql sql, Row task) {
        Row lanes = sql.one("""
                SELECT count(*) > max(shards) AS split FROM sched.task WHERE biz_date = $1 AND stage = $2 AND step = $3""",
                task.getString("biz_date"), task.getString("stage"), task.getString("step"));
        return lanes.getBoolean("split") ? ReleaseRepository.stageSegment(sql, task.getString("biz_date"),
                task.getString("stage")) : null;
    }

    private void finishStage(Sql sql, DayRow day, Stage stage, DayEffects e) {
        Row run = sql.one("""
                UPDATE sched.stage_run r SET finished_at = now(), records = t.records, shards = t.shards
                FROM (SELECT coalesce(sum(records), 0) AS records, count(*) AS shards FROM sched.task
                      WHERE biz_date = $1 AND stage = $2) t
                WHERE r.biz_date = $1 AND r.stage = $2
                RETURNING r.records, r.shards, (extract(epoch FROM r.finished_at - r.started_at) * 1000)::bigint AS ms""",
                day.date(), stage.id());
        long ms = run == null ? 0 : run.getLong("ms");
        metrics.timer("openta.stage.duration", "stage", stage.id(), "traffic", tag(e.traffic))
                .record(Duration.ofMillis(ms));
        e.events.add(new DayEvent(DayEvent.STAGE_COMPLETED, day.date(), stage.id(),
                run == null ? 0 : run.getLong("records"), run == null ? 0 : run.getInteger("shards"), ms,
                stage.id() + " done", day.requestId()));
    }

    void failed(Sql sql, DayRow day, TaskResult r, DayEffects e) {
        Row task = sql.one("""
                SELECT attempts, status FROM sched.task WHERE biz_date = $1 AND stage = $2 AND step = $3 AND shard = $4""",
                r.date(), r.stage(), r.step(), r.shard());
        if (task == null || task.getInteger("attempts") != r.attempt() || "DONE".equals(task.getString("status"))) {
            return; // a late answer of an earlier attempt
        }
        if (r.dayFailure()) {
            LOG.infof("day %s fails: %s", day.date(), r.error());
            DayRollback.rollbackDay(sql, day.date());
            sql.update("""
                    UPDATE sched.day SET status = 'FAILED', finished_at = now(), message = $2 WHERE biz_date = $1""",
                    day.date(), r.error());
            e.dropStaging = day.date();
            e.events.add(event(DayEvent.DAY_FAILED, day.date(), day.stage(), r.error(), day.requestId()));
            return;
        }
        int attempts = task.getInteger("attempts");
        if (attempts < scheduling.maxAttempts()) {
            long backoff = scheduling.retryBackoff().toMillis() << (attempts - 1);
            sql.update("""
                    UPDATE sched.task SET status = 'RETRY', error = $5, updated_at = now(),
                      not_before = now() + $6 * interval '1 millisecond'
                    WHERE biz_date = $1 AND stage = $2 AND step = $3 AND shard = $4""", r.date(), r.stage(), r.step(),
                    r.shard(), r.error(), backoff);
            LOG.warnf("%s/%s#%d of day %s failed (attempt %d), retrying in %d ms: %s", r.stage(), r.step(), r.shard(),
                    r.date(), attempts, backoff, r.error());
            return;
        }
        String message = "stage " + r.stage() + " step " + r.step() + " shard " + r.shard() + " failed after "
                + attempts + " attempts: " + r.error() + " (the day is kept: start it again to resume)";
        sql.update("""
                UPDATE sched.task SET status = 'FAILED', error = $5, updated_at = now()
                WHERE biz_date = $1 AND stage = $2 AND step = $3 AND shard = $4""", r.date(), r.stage(), r.step(),
                r.shard(), r.error());
        sql.update("UPDATE sched.day SET status = 'STOPPED', message = $2 WHERE biz_date = $1", day.date(), message);
        LOG.error(message);
        e.events.add(event(DayEvent.DAY_FAILED, day.date(), day.stage(), message, day.requestId()));
    }



    TaskMessage redispatch(Sql sql, Row t) {
        Row updated = sql.one("""
                UPDATE sched.task SET status = 'DISPATCHED', attempts = attempts + 1, updated_at = now(),
                  lease_until = now() + $5 * interval '1 second'
                WHERE biz_date = $1 AND stage = $2 AND step = $3 AND shard = $4 RETURNING attempts, shards""",
                t.getString("biz_date"), t.getString("stage"), t.getString("step"), t.getInteger("shard"),
                scheduling.lease().toSeconds());
        return new TaskMessage(t.getString("biz_date"), t.getString("stage"), t.getString("step"),
                t.getInteger("shard"), updated.getInteger("shards"), updated.getInteger("attempts"),
                laneSegment(sql, t));
    }

    /** The value of the {@code traffic} metrics tag (issue 12): dashboards and release analysis leave shadow out. */
    static String tag(Traffic traffic) {
        return traffic.name().toLowerCase(java.util.Locale.ROOT);
    }

    static boolean allDone(Sql sql, DayRow day) {
        return sql.one("""
                SELECT count(*) FILTER (WHERE status <> 'DONE') AS open FROM sched.task
                WHERE biz_date = $1 AND stage = $2 AND step = $3""", day.date(), day.stage(), day.step())
                .getLong("open") == 0;
    }

    static DayRow lockDay(Sql sql, String date) {
        Row r = sql.one("SELECT * FROM sched.day WHERE biz_date = $1 FOR UPDATE", date);
        return r == null ? null : DayRow.of(r);
    }

    static String lastCleared(Sql sql) {
        return sql.one("SELECT max(biz_date) AS d FROM sched.day WHERE status = 'COMPLETED'").getString("d");
    }

    private static int indexOf(List<Step> steps, String name) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static DayEvent event(String type, String date, String stage, String message, String requestId) {
        return new DayEvent(type, date, stage, 0, 0, 0, message, requestId);
    }
}
