package io.openta.scheduler.repository;

import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

import io.openta.model.events.Stage;
import io.openta.runtime.db.Sql;

/**
 * The canary's work of a day, as the task table holds it: a step split by a release segment has tasks numbered from
 * {@code shards} up (the canary lanes), and those tasks stay in {@code sched.task} until the day's stage is rolled
 * back or the day is started anew.
 */
public final class CanaryWork {
    private CanaryWork() {
    }

    /** The earliest stage of the day that has canary-lane tasks (done or not), if any. */
    public static Optional<Stage> earliestStage(Sql sql, String date) {
        return sql.list("SELECT DISTINCT stage FROM sched.task WHERE biz_date = $1 AND shard >= shards", date)
                .stream().map(r -> Stage.byId(r.getString("stage")).orElseThrow())
                .min(Comparator.comparingInt(Stage::ordinal));
    }

    /**
     * Whether a canary-lane task of the step has waited longer than {@code timeout} since it was dispatched (or last
     * failed) with no process running it: its row is not locked by a worker, so nobody is at it.
     */
    public static boolean laneUnserved(Sql sql, String date, String stage, String step, Duration timeout) {
        return !sql.list("""
                SELECT shard FROM sched.task WHERE biz_date = $1 AND stage = $2 AND step = $3 AND shard >= shards
                  AND status <> 'DONE' AND updated_at < now() - $4 * interval '1 millisecond'
                FOR UPDATE SKIP LOCKED""", date, stage, step, timeout.toMillis()).isEmpty();
    }

    /**
     * Takes the canary's work of the day back: the canary is aborted (new stages run on stable only), the day goes
     * back to the boundary before {@code to} ({@link DayRollback#toStage}, as an operator's rollback does) and is
     * left RUNNING there with no step, that stage's run restarted without a segment, and the undo is logged in
     * {@code sched.rollback_log} (kind CANARY). The caller starts the stage's first step in the same transaction.
     */
    public static void undo(Sql sql, String date, Stage to, String reason) {
        if (!ReleaseRepository.lock(sql).aborted()) {
            ReleaseRepository.abort(sql, "scheduler");
        }
        DayRollback.toStage(sql, date, to);
        sql.update("UPDATE sched.day SET status = 'RUNNING', stage = $2, step = '', message = $3 WHERE biz_date = $1",
                date, to.id(), "canary undone (" + reason + "): stable clears again from " + to.id());
        ReleaseRepository.startStage(sql, date, to.id());
        sql.update("""
                INSERT INTO sched.rollback_log (biz_date, kind, target, done_by, detail)
                VALUES ($1, 'CANARY', $2, 'scheduler', $3)""", date, to.id(),
                "canary's work undone: back to before " + to.id() + "; " + reason);
    }
}
