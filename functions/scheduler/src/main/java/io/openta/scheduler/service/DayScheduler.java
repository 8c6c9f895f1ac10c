package io.openta.scheduler.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.openta.model.events.DayCommand;
import io.openta.model.events.DayEvent;
import io.openta.model.events.Traffic;
import io.openta.runtime.chaos.Failpoints;
import io.openta.runtime.db.Sql;
import io.openta.runtime.db.shadow.ShadowConfig;
import io.openta.runtime.db.shadow.TrafficViolation;
import io.openta.runtime.staging.Staging;
import io.openta.runtime.task.TaskMessage;
import io.openta.runtime.task.TaskResult;
import io.openta.scheduler.messaging.Outbound;
import io.openta.scheduler.messaging.ShadowTopics;
import io.openta.scheduler.repository.DayRow;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Drives days through their stages. All state is in {@code sched.*}; each decision is one fenced transaction
 * ({@link FencedTransactions}: only the holder of the live leadership lease commits), and what it sends (tasks,
 * events) goes out after the commit and is awaited, so a worker never sees a task the database does not know. The
 * database, not the results topic, says when a step is done: results only prompt a look, and the leader's sweep
 * ({@link #recover}) finds what a lost result or a lost send left behind. Across processes, the fence makes sure one
 * scheduler decides at a time; within this process the methods are {@code synchronized} so that its own threads
 * (inbox, sweep, REST rollbacks) take turns. The commands' rules are {@link DayCommands}', how a day moves on is
 * {@link DayProgress}'; this class opens the transactions and sends what they decided.
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
    private final MeterRegistry metrics;
    private final Failpoints failpoints;
    private final CanaryGuard canary;
    private final DayCommands commands;
    private final DayProgress progress;
    private final ShadowSeeding seeding;
    private final ShadowTopics shadowTopics;
    /** The day sets the sweep looks at: production's, and the shadow set's when shadow traffic is on. */
    private final List<Traffic> traffics;
    /** A dispatch that could not be sent: the next sweep sends every unfinished task of the open days again. */
    private volatile boolean resendPending;

    public DayScheduler(FencedTransactions db, Outbound out, DayPublication publication, Staging staging,
            MeterRegistry metrics, Failpoints failpoints, ShadowConfig shadow, CanaryGuard canary,
            DayCommands commands, DayProgress progress, ShadowSeeding seeding, ShadowTopics shadowTopics) {
        this.db = db;
        this.out = out;
        this.publication = publication;
        this.staging = staging;
        this.metrics = metrics;
        this.failpoints = failpoints;
        this.canary = canary;
        this.commands = commands;
        this.progress = progress;
        this.seeding = seeding;
        this.shadowTopics = shadowTopics;
        this.traffics = shadow.enabled() ? List.of(Traffic.PRODUCTION, Traffic.SHADOW) : List.of(Traffic.PRODUCTION);
    }

    /**
     * Runs {@code work} in this scheduler's turn, as its own decisions run. A caller must come through here rather
     * than {@code synchronized} on its injected reference: that is the CDI client proxy, a monitor of its own that
     * these {@code synchronized} methods (locking the bean instance) never take.
     */
    public synchronized <T> T inTurn(java.util.function.Supplier<T> work) {
        return work.get();
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
        DayEffects fx;
        try {
            // the seed reads production and writes shadow: a transaction of its own, not one of a day set's
            fx = DayCommand.SEED_SHADOW.equals(c.type()) ? seeding.seed(c) : decide(c);
        } catch (TrafficViolation refused) {
            // not transient: answered with its one line (the transaction rolled back, nothing was written)
            LOG.errorf("command %s for day %s refused: %s", c.type(), c.date(), refused.getMessage());
            publication.sendEvent(new DayEvent(DayEvent.DAY_FAILED, c.date(), "", 0, 0, 0, refused.getMessage(),
                    c.requestId(), c.traffic()));
            return;
        }
        apply(fx);
    }

    private DayEffects decide(DayCommand c) {
        return db.inTransaction(c.traffic(), sql -> {
            DayEffects e = new DayEffects(c.traffic());
            switch (c.type()) {
                case DayCommand.START -> commands.start(sql, c, e);
                case DayCommand.PAUSE -> commands.pause(sql, c, e);
                case DayCommand.RESUME -> commands.resume(sql, c, e);
                case DayCommand.CANCEL -> commands.cancel(sql, c, e);
                case DayCommand.CLEAN_SHADOW -> commands.cleanShadow(sql, c, e);
                default -> e.events.add(DayProgress.event(DayEvent.DAY_FAILED, c.date(), "", "unknown command " + c.type(),
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
        DayEffects fx = db.inTransaction(sql -> {
            DayEffects e = new DayEffects(Traffic.PRODUCTION);
            if (DayProgress.lockDay(sql, c.date()) != null) {
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
            commands.start(sql, c, e);
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
        DayEffects fx = db.inTransaction(r.traffic(), sql -> {
            DayEffects e = new DayEffects(r.traffic());
            DayRow day = DayProgress.lockDay(sql, r.date());
            if (day == null || !"RUNNING".equals(day.status()) || !r.stage().equals(day.stage())
                    || !r.step().equals(day.step())) {
                return e;
            }
            if (TaskResult.FAILED.equals(r.status())) {
                progress.failed(sql, day, r, e);
            } else if (DayProgress.allDone(sql, day)) {
                progress.advance(sql, day, e);
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
        DayEffects fx = db.inTransaction(traffic, sql -> {
            DayEffects e = new DayEffects(traffic);
            for (Row r : sql.list("""
                    SELECT biz_date FROM sched.day WHERE status IN ('RUNNING', 'PUBLISHING') ORDER BY biz_date""")) {
                DayRow day = DayProgress.lockDay(sql, r.getString("biz_date"));
                if ("PUBLISHING".equals(day.status())) {
                    if (takeover || publication.dueAgain(day.date(), traffic)) {
                        LOG.infof("sweep: day %s was left publishing: publishing it", day.date());
                        e.publish = day;
                    }
                } else if (traffic == Traffic.PRODUCTION && undoUnservedCanary(sql, day, e)) {
                    LOG.infof("sweep: day %s: the canary's lane had no consumer; stable clears it", day.date());
                } else if (day.step().isEmpty() || DayProgress.allDone(sql, day)) {
                    LOG.infof("sweep: day %s at %s/%s has nothing left to wait for: moving on", day.date(),
                            day.stage(), day.step());
                    progress.advance(sql, day, e);
                } else if (resend) {
                    int before = e.tasks.size();
                    for (Row t : sql.list("""
                            SELECT biz_date, stage, step, shard, shards, attempts FROM sched.task
                            WHERE biz_date = $1 AND stage = $2 AND step = $3 AND status = 'DISPATCHED'""",
                            day.date(), day.stage(), day.step())) {
                        e.tasks.add(new TaskMessage(t.getString("biz_date"), t.getString("stage"),
                                t.getString("step"), t.getInteger("shard"), t.getInteger("shards"),
                                t.getInteger("attempts"), DayProgress.laneSegment(sql, t)));
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
        DayEffects fx = db.inTransaction(traffic, sql -> {
            DayEffects e = new DayEffects(traffic);
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
                    metrics.counter("openta.tasks.retried", "stage", t.getString("stage"), "traffic", DayProgress.tag(traffic))
                            .increment();
                }
                e.tasks.add(progress.redispatch(sql, t));
            }
            return e;
        });
        apply(fx);
    }

    // ------------------------------------------------------------------ after commit

    /** Sends what {@code e} decided, every task and event marked with its day set's traffic. */
    private void apply(DayEffects e) {
        if (!e.tasks.isEmpty()) {
            failpoints.haltIf(Failpoints.EXIT_AFTER_COMMIT, e.tasks.get(0).stage());
        }
        List<TaskMessage> tasks = e.tasks.stream().map(t -> new TaskMessage(t.date(), t.stage(), t.step(), t.shard(),
                t.shards(), t.attempt(), t.segment(), e.traffic)).toList();
        try {
            out.dispatch(tasks);
            for (TaskMessage t : tasks) {
                metrics.counter("openta.tasks.dispatched", "stage", t.stage(), "traffic", DayProgress.tag(e.traffic)).increment();
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
        List<DayEvent> events = e.emptyShadowTopics ? afterEmptyingShadowTopics(e.events) : e.events;
        events.stream().map(v -> new DayEvent(v.type(), v.date(), v.stage(), v.records(), v.shards(), v.millis(),
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
     * Empties the shadow topics (after the shadow schemas were emptied and committed) and says so in the answer; when
     * that fails, the answer is a DAY_FAILED saying what was done and what not, so the operator runs the clean again.
     */
    private List<DayEvent> afterEmptyingShadowTopics(List<DayEvent> events) {
        String topics;
        try {
            topics = shadowTopics.empty();
        } catch (RuntimeException ex) {
            LOG.errorf("the shadow topics were not emptied: %s", ex.getMessage());
            return events.stream().map(v -> !v.terminal() || DayEvent.DAY_FAILED.equals(v.type()) ? v
                    : new DayEvent(DayEvent.DAY_FAILED, v.date(), v.stage(), v.records(), v.shards(), v.millis(),
                            v.message() + "; but " + ex.getMessage() + " (run ./openta stress clean again)",
                            v.requestId(), v.traffic())).toList();
        }
        return events.stream().map(v -> !v.terminal() || DayEvent.DAY_FAILED.equals(v.type()) ? v
                : new DayEvent(v.type(), v.date(), v.stage(), v.records(), v.shards(), v.millis(), v.message() + "; "
                        + topics, v.requestId(), v.traffic())).toList();
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
        DayEffects fx = db.inTransaction(sql -> {
            DayEffects e = new DayEffects(Traffic.PRODUCTION);
            DayRow now = DayProgress.lockDay(sql, day.date());
            if (now != null && "PUBLISHING".equals(now.status())) {
                undoCanary(sql, undo, e);
            }
            return e;
        });
        apply(fx);
    }

    /** True when a canary lane of the day's step waited too long for a consumer: its work was undone. */
    private boolean undoUnservedCanary(Sql sql, DayRow day, DayEffects e) {
        return canary.unserved(sql, day).map(undo -> {
            undoCanary(sql, undo, e);
            return true;
        }).orElse(false);
    }

    /** Undoes the canary's work of the day and starts the restored stage again, on stable only. */
    private void undoCanary(Sql sql, CanaryGuard.Undo undo, DayEffects e) {
        canary.undo(sql, undo);
        e.canaryUndone = undo;
        progress.advance(sql, DayProgress.lockDay(sql, undo.date()), e);
    }


}
