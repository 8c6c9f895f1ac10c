package io.openta.scheduler.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.events.Traffic;
import io.openta.runtime.db.Transactions;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Reads a day's state for operators: stage, step, shard progress, stage runs, rollbacks. Production days, or the
 * stress days of the shadow set (issue 12): the same queries in a transaction of that traffic, which the data layer
 * maps to the shadow schemas and runs under the shadow role ({@link io.openta.runtime.db.shadow.TrafficGuard}).
 */
@ApplicationScoped
public class DayStatusService {
    private final Transactions db;

    public DayStatusService(Transactions db) {
        this.db = db;
    }

    public record StepProgress(String stage, String step, int shards, long done, long failed, long records) {
    }

    public record StageRun(String stage, long records, int shards, Long millis) {
    }

    public record Rollback(String kind, String target, String by, String at, String detail) {
    }

    public record DayStatus(String date, String status, String stage, String step, String message, String inbox,
            String outbox, String startedAt, String startedBy, String finishedAt, List<StepProgress> steps, List<StageRun> stages,
            List<Rollback> rollbacks) {
    }

    public record DaySummary(String date, String status, String stage, String message) {
    }

    public DayStatus day(String date) {
        return day(Traffic.PRODUCTION, date);
    }

    /** Day {@code date} of {@code traffic}'s day set; 404 when that set has no such day. */
    public DayStatus day(Traffic traffic, String date) {
        return db.inTransaction(traffic, sql -> {
            Row d = sql.one("""
                    SELECT biz_date, status, stage, step, message, inbox, outbox, started_at::text AS s,
                      started_by, finished_at::text AS f FROM sched.day WHERE biz_date = $1""", date);
            if (d == null) {
                throw new OperatorException(404, "no " + name(traffic, date));
            }
            List<StepProgress> steps = sql.list("""
                    SELECT stage, step, count(*)::int AS shards, count(*) FILTER (WHERE status = 'DONE') AS done,
                      count(*) FILTER (WHERE status IN ('FAILED', 'RETRY')) AS failed, sum(records)::bigint AS records
                    FROM sched.task WHERE biz_date = $1 GROUP BY stage, step ORDER BY min(updated_at)""", date)
                    .stream().map(r -> new StepProgress(r.getString("stage"), r.getString("step"),
                            r.getInteger("shards"), r.getLong("done"), r.getLong("failed"), r.getLong("records")))
                    .toList();
            List<StageRun> stages = sql.list("""
                    SELECT stage, records, shards,
                      (extract(epoch FROM finished_at - started_at) * 1000)::bigint AS ms
                    FROM sched.stage_run WHERE biz_date = $1 ORDER BY started_at""", date).stream()
                    .map(r -> new StageRun(r.getString("stage"), r.getLong("records"), r.getInteger("shards"),
                            r.getLong("ms")))
                    .toList();
            List<Rollback> rollbacks = sql.list("""
                    SELECT kind, target, done_by, done_at::text AS at, detail FROM sched.rollback_log
                    WHERE biz_date = $1 ORDER BY id""", date).stream()
                    .map(r -> new Rollback(r.getString("kind"), r.getString("target"), r.getString("done_by"),
                            r.getString("at"), r.getString("detail")))
                    .toList();
            return new DayStatus(d.getString("biz_date"), d.getString("status"), d.getString("stage"),
                    d.getString("step"), d.getString("message"), d.getString("inbox"), d.getString("outbox"),
                    d.getString("s"), d.getString("started_by"), d.getString("f"), steps, stages, rollbacks);
        });
    }

    public List<DaySummary> days() {
        return days(Traffic.PRODUCTION);
    }

    /** Every day of {@code traffic}'s day set, by date. */
    public List<DaySummary> days(Traffic traffic) {
        return db.inTransaction(traffic, sql -> sql.list(
                "SELECT biz_date, status, stage, message FROM sched.day ORDER BY biz_date")
                .stream().map(r -> new DaySummary(r.getString("biz_date"), r.getString("status"),
                        r.getString("stage"), r.getString("message")))
                .toList());
    }

    /** How operators' messages name a day: "day D", or "stress day D" for one of the shadow set. */
    public static String name(Traffic traffic, String date) {
        return (traffic == Traffic.SHADOW ? "stress day " : "day ") + date;
    }

    /** For the stuck-stage health check: running days whose current stage started before {@code seconds} ago. */
    public Map<String, String> stuck(long seconds) {
        return db.inTransaction(sql -> {
            java.util.Map<String, String> stuck = new java.util.TreeMap<>();
            for (Row r : sql.list("""
                    SELECT d.biz_date, d.stage, d.step FROM sched.day d JOIN sched.stage_run s
                      ON s.biz_date = d.biz_date AND s.stage = d.stage
                    WHERE d.status = 'RUNNING' AND s.finished_at IS NULL
                      AND s.started_at < now() - $1 * interval '1 second'""", seconds)) {
                stuck.put(r.getString("biz_date"), r.getString("stage") + "/" + r.getString("step"));
            }
            return stuck;
        });
    }
}
