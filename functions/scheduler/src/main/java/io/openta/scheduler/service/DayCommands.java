package io.openta.scheduler.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.openta.model.events.DayCommand;
import io.openta.model.events.DayEvent;
import io.openta.model.events.Stage;
import io.openta.model.events.Traffic;
import io.openta.runtime.db.Sql;
import io.openta.runtime.staging.Staging;
import io.openta.scheduler.repository.DayRollback;
import io.openta.scheduler.repository.DayRow;
import io.openta.scheduler.repository.ReleaseRepository;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The operators' day commands (start, pause, resume, cancel, and a stress run's clean), each decided inside one of
 * {@link DayScheduler}'s transactions on the day set of the command's traffic; what is to be sent goes into the
 * {@link DayEffects}.
 */
@ApplicationScoped
public class DayCommands {
    private static final Logger LOG = Logger.getLogger(DayCommands.class);

    private final DayProgress progress;
    private final Staging staging;

    public DayCommands(DayProgress progress, Staging staging) {
        this.progress = progress;
        this.staging = staging;
    }

    void start(Sql sql, DayCommand c, DayEffects e) {
        DayRow day = DayProgress.lockDay(sql, c.date());
        if (day != null && day.open() && e.traffic == Traffic.SHADOW) {
            // a stress day is started once: a second run of the same date needs the first finished or cleaned away
            e.events.add(DayProgress.event(DayEvent.DAY_FAILED, c.date(), "", "stress day " + c.date() + " is already open in "
                    + "the shadow set (" + day.status() + "): wait for it, cancel it, or run ./openta stress clean",
                    c.requestId()));
            return;
        }
        if (day != null && day.open()) {
            restartStageClock(sql, day);
            sql.update("""
                    UPDATE sched.day SET inbox = $2, outbox = $3, request_id = $4,
                      status = CASE WHEN status = 'PUBLISHING' THEN status ELSE 'RUNNING' END, message = NULL
                    WHERE biz_date = $1""", c.date(), c.inbox(), c.outbox(), c.requestId());
            LOG.infof("day %s resumes at %s/%s", c.date(), day.stage(), day.step());
            progress.continueDay(sql, DayProgress.lockDay(sql, c.date()), e);
            return;
        }
        if (day != null && "COMPLETED".equals(day.status()) && day.inbox().equals(c.inbox())
                && day.outbox().equals(c.outbox()) && !staging.of(e.traffic).stagedFiles(c.date()).isEmpty()) {
            // the same command again after the day completed (its process died before it heard so): the day is
            // the latest and its files are still staged, so send them again rather than fail
            LOG.infof("day %s is already cleared to %s: publishing its files again", c.date(), c.outbox());
            sql.update("UPDATE sched.day SET request_id = $2 WHERE biz_date = $1", c.date(), c.requestId());
            e.publish = DayProgress.lockDay(sql, c.date());
            return;
        }
        if (day != null && "COMPLETED".equals(day.status())) {
            e.events.add(DayProgress.event(DayEvent.DAY_FAILED, c.date(), "", "day " + c.date()
                    + " is not later than the last cleared day " + DayProgress.lastCleared(sql) + " (roll it back to clear it again)",
                    c.requestId()));
            return;
        }
        Row other = sql.one("""
                SELECT biz_date FROM sched.day WHERE status IN ('RUNNING', 'PAUSED', 'STOPPED', 'PUBLISHING')
                AND biz_date <> $1""", c.date());
        if (other != null) {
            e.events.add(DayProgress.event(DayEvent.DAY_FAILED, c.date(), "", "day " + other.getString("biz_date")
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
        progress.advance(sql, DayProgress.lockDay(sql, c.date()), e);
    }

    void pause(Sql sql, DayCommand c, DayEffects e) {
        DayRow day = DayProgress.lockDay(sql, c.date());
        if (day == null || !"RUNNING".equals(day.status())) {
            return;
        }
        sql.update("UPDATE sched.day SET status = 'PAUSED' WHERE biz_date = $1", c.date());
        e.events.add(DayProgress.event(DayEvent.DAY_PAUSED, c.date(), day.stage(), "paused at " + day.stage() + "/" + day.step(),
                day.requestId()));
    }

    void resume(Sql sql, DayCommand c, DayEffects e) {
        DayRow day = DayProgress.lockDay(sql, c.date());
        if (day == null || !("PAUSED".equals(day.status()) || "STOPPED".equals(day.status()))) {
            return;
        }
        restartStageClock(sql, day);
        sql.update("UPDATE sched.day SET status = 'RUNNING', message = NULL WHERE biz_date = $1", c.date());
        e.events.add(DayProgress.event(DayEvent.DAY_RESUMED, c.date(), day.stage(), "resumed at " + day.stage() + "/" + day.step(),
                day.requestId()));
        progress.continueDay(sql, DayProgress.lockDay(sql, c.date()), e);
    }

    void cancel(Sql sql, DayCommand c, DayEffects e) {
        DayRow day = DayProgress.lockDay(sql, c.date());
        if (day == null || !day.open()) {
            return;
        }
        DayRollback.rollbackDay(sql, c.date());
        sql.update("UPDATE sched.day SET status = 'CANCELLED', finished_at = now(), message = 'cancelled' "
                + "WHERE biz_date = $1", c.date());
        e.dropStaging = c.date();
        e.events.add(DayProgress.event(DayEvent.DAY_CANCELLED, c.date(), day.stage(), "cancelled and rolled back to its start",
                day.requestId()));
    }

    /**
     * A day stopped before its stage ran a step (a rollback leaves it so) runs that stage from now on: its run's start
     * moves to now, so that the stage's duration (and the stuck-stage check) does not count the time it waited
     * stopped.
     */
    private static void restartStageClock(Sql sql, DayRow day) {
        if ("STOPPED".equals(day.status()) && (day.step() == null || day.step().isEmpty())) {
            sql.update("UPDATE sched.stage_run SET started_at = now() WHERE biz_date = $1 AND stage = $2 "
                    + "AND finished_at IS NULL", day.date(), day.stage());
        }
    }

    /** Empties the shadow set (issue 12): refused for anything but a shadow-marked command. */
    void cleanShadow(Sql sql, DayCommand c, DayEffects e) {
        if (e.traffic != Traffic.SHADOW) {
            e.events.add(DayProgress.event(DayEvent.DAY_FAILED, c.date(), "", DayCommand.CLEAN_SHADOW
                    + " refused: the command is not marked shadow, and production is never emptied", c.requestId()));
            return;
        }
        int tables = ShadowClean.emptyShadowSchemas(sql);
        e.emptyStaging = true;
        e.emptyShadowTopics = true;
        LOG.infof("shadow schemas emptied: %d tables", tables);
        e.events.add(new DayEvent(DayEvent.SHADOW_CLEANED, c.date(), "", tables, 0, 0, "shadow schemas emptied: "
                + tables + " tables, and the shadow staging area", c.requestId()));
        // the shadow topics are emptied after the commit (DayScheduler#apply), which adds their count to this line
    }
}
