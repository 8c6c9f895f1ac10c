package io.openta.scheduler.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.openta.model.events.DayCommand;
import io.openta.model.events.DayEvent;
import io.openta.model.events.Stage;
import io.openta.model.events.Traffic;
import io.openta.runtime.chaos.Failpoints;
import io.openta.runtime.config.OpenTaConfig;
import io.openta.runtime.db.Sql;
import io.openta.runtime.db.shadow.ShadowConfig;
import io.openta.runtime.db.shadow.TrafficViolation;
import io.openta.runtime.release.Segment;
import io.openta.runtime.staging.Staging;
import io.openta.runtime.task.TaskMessage;
import io.openta.runtime.task.TaskResult;
import io.openta.scheduler.messaging.Outbound;
import io.openta.scheduler.repository.DayRollback;
import io.openta.scheduler.repository.DayRow;
import io.openta.scheduler.repository.ReleaseRepository;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Drives days through their stages. All state is in {@code sched.*}; each decision is one fenced transaction
 * ({@link FencedTransactions}: only the holder of the live leadership lease commits), and what it sends (tasks,
 * events) goes out after the commit and is awaited, so a worker never sees a task the database does not know. The
 * database, not the results topic, says when a step is done: results only prompt a look, and the leader's sweep
 * ({@link #recover}) finds what a lost result or a lost send left behind. Across processes, the fence makes sure one
 * scheduler decides at a time; within this process the methods are {@code synchronized} so that its own threads
 * (inbox, sweep, REST rollbacks) take turns.
 * <p>
 * A stress day (a command marked {@link Traffic#SHADOW}, issue 12) runs through the same code: its decisions are
 * shadow transactions ({@link FencedTransactions#inTransaction(Traffic, java.util.function.Function)}), which map
 * every {@code sched.*} statement to the shadow schemas, and what they send carries the mark ({@link #apply}). So a
 * stress day and a production day of the same date are two days with state of their own.
 */
@ApplicationScoped
public class DayScheduler {
    private static final Logger LOG = Logger.getLogger(DayScheduler.class);

    private final FencedTransactions db;
    private final Outbound out;
    private final DayPublication publication;
    private final Staging staging;
    private final OpenTaConfig config;
    private final SchedulerConfig scheduling;
    private final MeterRegistry metrics;
    private final Failpoints failpoints;
    private final CanaryGuard canary;
    /** The day sets the sweep looks at: production's, and the shadow set's when shadow traffic is on. */
    private final List<Traffic> traffics;
    /** A dispatch that could not be sent: the next sweep sends every unfinished task of the open days again. */
    private volatile boolean resendPending;

    public DayScheduler(FencedTransactions db, Outbound out, DayPublication publication, Staging staging,
            OpenTaConfig config, SchedulerConfig scheduling, MeterRegistry metrics, Failpoints failpoints,
            ShadowConfig shadow, CanaryGuard canary) {
        this.canary = canary;
        this.db = db;
        this.out = out;
        this.publication = publication;
        this.staging = staging;
        this.config = config;
        this.scheduling = scheduling;
        this.metrics = metrics;
        this.failpoints = failpoints;
        this.traffics = shadow.enabled() ? List.of(Traffic.PRODUCTION, Traffic.SHADOW) : List.of(Traffic.PRODUCTION);
    }

    /** What one transaction decided to send, sent once it has committed. */
    private static final class Effects {
        /** The day set the transaction decided on: everything sent carries it. */
        final Traffic traffic;
        final List<TaskMessage> tasks = new ArrayList<>();
        final List<DayEvent> events = new ArrayList<>();
        DayRow publish;
        String dropStaging;
        /** The canary's work this transaction undid ({@link CanaryGuard}). */
        CanaryGuard.Undo canaryUndone;
        /** The whole staging area of {@link #traffic} goes (a shadow clean). */
        boolean emptyStaging;
        /** What {@link #startIfNew} did. */
        NewDayStart newDay = NewDayStart.STARTED;

        Effects(Traffic traffic) {
            this.traffic = traffic;
        }
    }

    /** Why a command marked {@link Traffic#SHADOW} is refused by a scheduler whose shadow traffic is off. */
    public static final String SHADOW_REFUSED = "stress (shadow) day refused: this scheduler has no shadow schemas "
            + "(start it with OPENTA_SHADOW_ENABLED=true)";

    public synchronized void onCommand(DayCommand c) {
        LOG.infof("command %s for %sday %s", c.type(), c.traffic() == Traffic.SHADOW ? "stress " : "", c.date());
        if (c.traffic() == Traffic.SHADOW && !traffics.contains(Traffic.SHADOW)) {
            // fail closed (issue 12): without the shadow schemas a stress day has nowhere to go; nothing is written
            publication.sendEvent(new DayEvent(DayEvent.DAY_FAILED, c.date(), "", 0, 0, 0, SHADOW_REFUSED,
                    c.requestId(), Traffic.SHADOW));
            return;
        }
        Effects fx;
        try {
            fx = decide(c);
        } catch (TrafficViolation refused) {
            // not transient: answered with its one line (the transaction rolled back, nothing was written)
            LOG.errorf("command %s for day %s refused: %s", c.type(), c.date(), refused.getMessage());
            publication.sendEvent(new DayEvent(DayEvent.DAY_FAILED, c.date(), "", 0, 0, 0, refused.getMessage(),
                    c.requestId(), c.traffic()));
            return;
        }
        apply(fx);
    }

    private Effects decide(DayCommand c) {
        return db.inTransaction(c.traffic(), sql -> {
            Effects e = new Effects(c.traffic());
            switch (c.type()) {
                case DayCommand.START -> start(sql, c, e);
                case DayCommand.PAUSE -> pause(sql, c, e);
                case DayCommand.RESUME -> resume(sql, c, e);
                case DayCommand.CANCEL -> cancel(sql, c, e);
                case DayCommand.CLEAN_SHADOW -> cleanShadow(sql, c, e);
                default -> e.events.add(event(DayEvent.DAY_FAILED, c.date(), "", "unknown command " + c.type(),
                        c.requestId()));
            }
            return e;
        });
    }

    /**
     * Starts a day that has never been started, as a START command would; does nothing when the day is known in any
     * state (started, completed, cancelled: an arrival event read twice, or after a crash, starts nothing again) or
     * another day is open. Fenced like every decision.
     */
    public synchronized NewDayStart startIfNew(DayCommand c) {
        Effects fx = db.inTransaction(sql -> {
            Effects e = new Effects(Traffic.PRODUCTION);
            if (lockDay(sql, c.date()) != null) {
                LOG.debugf("day %s is known already: not started again (by %s)", c.date(), c.startedBy());
                e.newDay = NewDayStart.KNOWN;
                return e;
            }
            Row other = sql.one("""
                    SELECT biz_date FROM sched.day WHERE status IN ('RUNNING', 'PAUSED', 'STOPPED', 'PUBLISHING')
                    LIMIT 1""");
            if (other != null) {
                LOG.warnf("day %s not started (by %s): day %s is still open",
                        c.date(), c.startedBy(), other.getString("biz_date"));
                e.newDay = NewDayStart.OTHER_DAY_OPEN;
                return e;
            }
            start(sql, c, e);
            return e;
        });
        apply(fx);
        return fx.newDay;
    }

    public synchronized void onResult(TaskResult r) {
        if (!traffics.contains(r.traffic())) {
            LOG.warnf("ignoring a shadow result for day %s: shadow traffic is off", r.date());
            return;
        }
        Effects fx = db.inTransaction(r.traffic(), sql -> {
            Effects e = new Effects(r.traffic());
            DayRow day = lockDay(sql, r.date());
            if (day == null || !"RUNNING".equals(day.status()) || !r.stage().equals(day.stage())
                    || !r.step().equals(day.step())) {
                return e;
            }
            if (TaskResult.FAILED.equals(r.status())) {
                failed(sql, day, r, e);
            } else if (allDone(sql, day)) {
                advance(sql, day, e);
            }
            return e;
        });
        apply(fx);
    }

    /**
     * The leader's sweep, on takeover and every few seconds: a running day whose current step has all its tasks DONE
     * (their results lost, or never read) moves on; a day left PUBLISHING is published; on takeover, or after a send
     * failed, every unfinished task of a running day is sent again (the previous leader may have committed it and
     * died before sending; a task delivered twice runs once). Tasks whose lease ran out or whose retry is due are
     * dispatched again as attempts.
     */
    public synchronized void recover(boolean takeover) {
        boolean resend = takeover || resendPending;
        resendPending = false;
        for (Traffic traffic : traffics) {
            sweep(traffic, takeover, resend);
            watchLeases(traffic);
        }
    }

    private void sweep(Traffic traffic, boolean takeover, boolean resend) {
        Effects fx = db.inTransaction(traffic, sql -> {
            Effects e = new Effects(traffic);
            for (Row r : sql.list("""
                    SELECT biz_date FROM sched.day WHERE status IN ('RUNNING', 'PUBLISHING') ORDER BY biz_date""")) {
                DayRow day = lockDay(sql, r.getString("biz_date"));
                if ("PUBLISHING".equals(day.status())) {
                    if (takeover || publication.dueAgain(day.date(), traffic)) {
                        LOG.infof("sweep: day %s was left publishing: publishing it", day.date());
                        e.publish = day;
                    }
                } else if (traffic == Traffic.PRODUCTION && undoUnservedCanary(sql, day, e)) {
                    LOG.infof("sweep: day %s: the canary's lane had no consumer; stable clears it", day.date());
                } else if (day.step().isEmpty() || allDone(sql, day)) {
                    LOG.infof("sweep: day %s at %s/%s has nothing left to wait for: moving on", day.date(),
                            day.stage(), day.step());
                    advance(sql, day, e);
                } else if (resend) {
                    int before = e.tasks.size();
                    for (Row t : sql.list("""
                            SELECT biz_date, stage, step, shard, shards, attempts FROM sched.task
                            WHERE biz_date = $1 AND stage = $2 AND step = $3 AND status = 'DISPATCHED'""",
                            day.date(), day.stage(), day.step())) {
                        e.tasks.add(new TaskMessage(t.getString("biz_date"), t.getString("stage"),
                                t.getString("step"), t.getInteger("shard"), t.getInteger("shards"),
                                t.getInteger("attempts"), laneSegment(sql, t)));
                    }
                    LOG.infof("sweep: day %s: sending the %d unfinished tasks of %s/%s again", day.date(),
                            e.tasks.size() - before, day.stage(), day.step());
                }
            }
            return e;
        });
        apply(fx);
    }

    /** Dispatches again the tasks whose lease ran out or whose retry is due; running tasks (row locked) are skipped. */
    private void watchLeases(Traffic traffic) {
        Effects fx = db.inTransaction(traffic, sql -> {
            Effects e = new Effects(traffic);
            for (Row t : sql.list("""
                    SELECT t.biz_date, t.stage, t.step, t.shard, t.shards, t.status FROM sched.task t
                    JOIN sched.day d ON d.biz_date = t.biz_date AND d.stage = t.stage AND d.step = t.step
                    WHERE d.status = 'RUNNING' AND ((t.status = 'DISPATCHED' AND t.lease_until < now())
                       OR (t.status = 'RETRY' AND t.not_before <= now()))
                    FOR UPDATE OF t SKIP LOCKED""")) {
                if ("DISPATCHED".equals(t.getString("status"))) {
                    LOG.warnf("lease of %s/%s/%s#%d expired: dispatching again", t.getString("biz_date"),
                            t.getString("stage"), t.getString("step"), t.getInteger("shard"));
                } else {
                    metrics.counter("openta.tasks.retried", "stage", t.getString("stage"), "traffic", tag(traffic))
                            .increment();
                }
                e.tasks.add(redispatch(sql, t));
            }
            return e;
        });
        apply(fx);
    }

    // ------------------------------------------------------------------ commands

    private void start(Sql sql, DayCommand c, Effects e) {
        DayRow day = lockDay(sql, c.date());
        if (day != null && day.open() && e.traffic == Traffic.SHADOW) {
            // a stress day is started once: a second run of the same date needs the first finished or cleaned away
            e.events.add(event(DayEvent.DAY_FAILED, c.date(), "", "stress day " + c.date() + " is already open in "
                    + "the shadow set (" + day.status() + "): wait for it, cancel it, or run ./openta stress clean",
                    c.requestId()));
            return;
        }
        if (day != null && day.open()) {
            sql.update("""
                    UPDATE sched.day SET inbox = $2, outbox = $3, request_id = $4,
                      status = CASE WHEN status = 'PUBLISHING' THEN status ELSE 'RUNNING' END, message = NULL
                    WHERE biz_date = $1""", c.date(), c.inbox(), c.outbox(), c.requestId());
            LOG.infof("day %s resumes at %s/%s", c.date(), day.stage(), day.step());
            continueDay(sql, lockDay(sql, c.date()), e);
            return;
        }
        if (day != null && "COMPLETED".equals(day.status()) && day.inbox().equals(c.inbox())
                && day.outbox().equals(c.outbox()) && !staging.of(e.traffic).stagedFiles(c.date()).isEmpty()) {
            // the same command again after the day completed (its process died before it heard so): the day is
            // the latest and its files are still staged, so send them again rather than fail
            LOG.infof("day %s is already cleared to %s: publishing its files again", c.date(), c.outbox());
            sql.update("UPDATE sched.day SET request_id = $2 WHERE biz_date = $1", c.date(), c.requestId());
            e.publish = lockDay(sql, c.date());
            return;
        }
        if (day != null && "COMPLETED".equals(day.status())) {
            e.events.add(event(DayEvent.DAY_FAILED, c.date(), "", "day " + c.date()
                    + " is not later than the last cleared day " + lastCleared(sql) + " (roll it back to clear it again)",
                    c.requestId()));
            return;
        }
        Row other = sql.one("""
                SELECT biz_date FROM sched.day WHERE status IN ('RUNNING', 'PAUSED', 'STOPPED', 'PUBLISHING')
                AND biz_date <> $1""", c.date());
        if (other != null) {
            e.events.add(event(DayEvent.DAY_FAILED, c.date(), "", "day " + other.getString("biz_date")
                    + " is still open: finish or cancel it first", c.requestId()));
            return;
        }
        sql.update("DELETE FROM sched.day WHERE biz_date = $1", c.date());
        sql.update("DELETE FROM sched.task WHERE biz_date = $1", c.date());
        sql.update("DELETE FROM sched.stage_run WHERE biz_date = $1", c.date());
        sql.update("""
                INSERT INTO sched.day (biz_date, status, stage, step, inbox, outbox, request_id, started_by)
                VALUES ($1, 'RUNNING', $2, '', $3, $4, $5, $6)""", c.date(), Stage.DAY_INIT.id(), c.inbox(),
                c.outbox(), c.requestId(), c.startedBy());
        ReleaseRepository.startStage(sql, c.date(), Stage.DAY_INIT.id());
        LOG.infof("day %s starts (by %s): inbox %s, outbox %s", c.date(), c.startedBy(), c.inbox(), c.outbox());
        advance(sql, lockDay(sql, c.date()), e);
    }

    private void pause(Sql sql, DayCommand c, Effects e) {
        DayRow day = lockDay(sql, c.date());
        if (day == null || !"RUNNING".equals(day.status())) {
            return;
        }
        sql.update("UPDATE sched.day SET status = 'PAUSED' WHERE biz_date = $1", c.date());
        e.events.add(event(DayEvent.DAY_PAUSED, c.date(), day.stage(), "paused at " + day.stage() + "/" + day.step(),
                day.requestId()));
    }

    private void resume(Sql sql, DayCommand c, Effects e) {
        DayRow day = lockDay(sql, c.date());
        if (day == null || !("PAUSED".equals(day.status()) || "STOPPED".equals(day.status()))) {
            return;
        }
        sql.update("UPDATE sched.day SET status = 'RUNNING', message = NULL WHERE biz_date = $1", c.date());
        e.events.add(event(DayEvent.DAY_RESUMED, c.date(), day.stage(), "resumed at " + day.stage() + "/" + day.step(),
                day.requestId()));
        continueDay(sql, lockDay(sql, c.date()), e);
    }

    private void cancel(Sql sql, DayCommand c, Effects e) {
        DayRow day = lockDay(sql, c.date());
        if (day == null || !day.open()) {
            return;
        }
        DayRollback.rollbackDay(sql, c.date());
        sql.update("UPDATE sched.day SET status = 'CANCELLED', finished_at = now(), message = 'cancelled' "
                + "WHERE biz_date = $1", c.date());
        e.dropStaging = c.date();
        e.events.add(event(DayEvent.DAY_CANCELLED, c.date(), day.stage(), "cancelled and rolled back to its start",
                day.requestId()));
    }

    /** Empties the shadow set (issue 12): refused for anything but a shadow-marked command. */
    private void cleanShadow(Sql sql, DayCommand c, Effects e) {
        if (e.traffic != Traffic.SHADOW) {
            e.events.add(event(DayEvent.DAY_FAILED, c.date(), "", DayCommand.CLEAN_SHADOW
                    + " refused: the command is not marked shadow, and production is never emptied", c.requestId()));
            return;
        }
        int tables = ShadowClean.emptyShadowSchemas(sql);
        e.emptyStaging = true;
        LOG.infof("shadow schemas emptied: %d tables", tables);
        e.events.add(new DayEvent(DayEvent.SHADOW_CLEANED, c.date(), "", tables, 0, 0, "shadow schemas emptied: "
                + tables + " tables, and the shadow staging area", c.requestId()));
    }

    // ------------------------------------------------------------------ progress

    /** After a restart, resume or start: re-dispatch what is not done, or move on if all is. */
    private void continueDay(Sql sql, DayRow day, Effects e) {
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
    private void advance(Sql sql, DayRow day, Effects e) {
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
    private void startStep(Sql sql, DayRow day, Stage stage, Step step, Effects e) {
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
    private static Segment laneSegment(Sql sql, Row task) {
        Row lanes = sql.one("""
                SELECT count(*) > max(shards) AS split FROM sched.task WHERE biz_date = $1 AND stage = $2 AND step = $3""",
                task.getString("biz_date"), task.getString("stage"), task.getString("step"));
        return lanes.getBoolean("split") ? ReleaseRepository.stageSegment(sql, task.getString("biz_date"),
                task.getString("stage")) : null;
    }

    private void finishStage(Sql sql, DayRow day, Stage stage, Effects e) {
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

    private void failed(Sql sql, DayRow day, TaskResult r, Effects e) {
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

    // ------------------------------------------------------------------ after commit

    /** Sends what {@code e} decided, every task and event marked with its day set's traffic. */
    private void apply(Effects e) {
        if (!e.tasks.isEmpty()) {
            failpoints.haltIf(Failpoints.EXIT_AFTER_COMMIT, e.tasks.get(0).stage());
        }
        List<TaskMessage> tasks = e.tasks.stream().map(t -> new TaskMessage(t.date(), t.stage(), t.step(), t.shard(),
                t.shards(), t.attempt(), t.segment(), e.traffic)).toList();
        try {
            out.dispatch(tasks);
            for (TaskMessage t : tasks) {
                metrics.counter("openta.tasks.dispatched", "stage", t.stage(), "traffic", tag(e.traffic)).increment();
            }
        } catch (RuntimeException ex) {
            resendPending = true;
            LOG.errorf("sending %d tasks failed, the next sweep sends them again: %s", e.tasks.size(),
                    ex.getMessage());
        }
        if (e.dropStaging != null) {
            staging.of(e.traffic).deleteDay(e.dropStaging);
        }
        if (e.emptyStaging) {
            Staging.deleteTree(staging.of(e.traffic).root());
        }
        e.events.stream().map(v -> new DayEvent(v.type(), v.date(), v.stage(), v.records(), v.shards(), v.millis(),
                v.message(), v.requestId(), e.traffic)).forEach(publication::sendEvent);
        if (e.canaryUndone != null) {
            canary.undone(e.canaryUndone);
        }
        if (e.publish != null && e.traffic == Traffic.SHADOW) {
            // a stress day is not judged for the canary: the release analysis ignores shadow traffic
            publication.publish(e.publish, e.traffic);
        } else if (e.publish != null) {
            publishUnlessCanaryWrong(e.publish);
        }
    }

    /**
     * A day on which the canary did work publishes only once verify found nothing wrong in the canary's rows; else
     * (or when the canary was aborted meanwhile) the canary's work is undone and stable clears it again
     * ({@link CanaryGuard}). A day published before (the same START again) is not judged again.
     */
    private void publishUnlessCanaryWrong(DayRow day) {
        CanaryGuard.Undo undo;
        try {
            undo = "COMPLETED".equals(day.status()) ? null : canary.judge(day);
        } catch (RuntimeException ex) {
            LOG.errorf("day %s not published: the canary's work could not be verified (%s); the sweep tries again",
                    day.date(), ex.getMessage());
            return;
        }
        if (undo == null) {
            publication.publish(day, Traffic.PRODUCTION);
            return;
        }
        Effects fx = db.inTransaction(sql -> {
            Effects e = new Effects(Traffic.PRODUCTION);
            DayRow now = lockDay(sql, day.date());
            if (now != null && "PUBLISHING".equals(now.status())) {
                undoCanary(sql, undo, e);
            }
            return e;
        });
        apply(fx);
    }

    /** True when a canary lane of the day's step waited too long for a consumer: its work was undone. */
    private boolean undoUnservedCanary(Sql sql, DayRow day, Effects e) {
        return canary.unserved(sql, day).map(undo -> {
            undoCanary(sql, undo, e);
            return true;
        }).orElse(false);
    }

    /** Undoes the canary's work of the day and starts the restored stage again, on stable only. */
    private void undoCanary(Sql sql, CanaryGuard.Undo undo, Effects e) {
        canary.undo(sql, undo);
        e.canaryUndone = undo;
        advance(sql, lockDay(sql, undo.date()), e);
    }

    // ------------------------------------------------------------------ helpers

    private TaskMessage redispatch(Sql sql, Row t) {
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

    private static boolean allDone(Sql sql, DayRow day) {
        return sql.one("""
                SELECT count(*) FILTER (WHERE status <> 'DONE') AS open FROM sched.task
                WHERE biz_date = $1 AND stage = $2 AND step = $3""", day.date(), day.stage(), day.step())
                .getLong("open") == 0;
    }

    private static DayRow lockDay(Sql sql, String date) {
        Row r = sql.one("SELECT * FROM sched.day WHERE biz_date = $1 FOR UPDATE", date);
        return r == null ? null : DayRow.of(r);
    }

    private static String lastCleared(Sql sql) {
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

    private static DayEvent event(String type, String date, String stage, String message, String requestId) {
        return new DayEvent(type, date, stage, 0, 0, 0, message, requestId);
    }
}
