package io.openta.access.console.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.access.console.repository.ConsoleRows.Arrival;
import io.openta.access.console.repository.ConsoleRows.Arrivals;
import io.openta.access.console.repository.ConsoleRows.Day;
import io.openta.access.console.repository.ConsoleRows.Rejection;
import io.openta.access.console.repository.ConsoleRows.Rollback;
import io.openta.access.console.repository.ConsoleRows.StageProgress;
import io.openta.model.events.Stage;
import io.openta.model.ofd.OfdFileName;
import io.openta.model.ofd.OfiFileName;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The console's reads, straight from the tables the scheduler, the stages and the SFTP server write (read only, on
 * the access app's reactive pool). The scheduler's {@code GET /api/days/D} answers the same questions per call; the
 * live view reads here instead so that it needs no token held on the server.
 */
@ApplicationScoped
public class ConsoleQueries {
    private final Pool db;

    public ConsoleQueries(Pool db) {
        this.db = db;
    }

    public Uni<List<Day>> days() {
        return list("""
                SELECT biz_date, status, stage, step, message, started_at::text AS s, finished_at::text AS f
                FROM sched.day ORDER BY biz_date DESC""", Tuple.tuple(), ConsoleQueries::day);
    }

    /** Each stage that has run or runs, in the stages' order. */
    public Uni<List<StageProgress>> stages(String date) {
        return list("""
                SELECT coalesce(r.stage, t.stage) AS stage, coalesce(t.shards, 0) AS shards, coalesce(t.done, 0) AS done,
                  coalesce(t.failed, 0) AS failed, coalesce(t.records, 0) AS records, r.running,
                  CASE WHEN r.finished_at IS NOT NULL
                    THEN (extract(epoch FROM r.finished_at - r.started_at) * 1000)::bigint
                    WHEN r.running THEN floor(extract(epoch FROM now() - r.started_at))::bigint * 1000 END AS ms
                FROM (SELECT s.stage, s.started_at, s.finished_at,
                    -- a stage left unfinished by a stopped or rolled-back day is not running
                    s.finished_at IS NULL AND d.status IN ('RUNNING', 'PAUSED') AS running
                  FROM sched.stage_run s JOIN sched.day d ON d.biz_date = s.biz_date WHERE s.biz_date = $1) r
                FULL JOIN (SELECT stage, count(*) AS shards, count(*) FILTER (WHERE status = 'DONE') AS done,
                    count(*) FILTER (WHERE status IN ('FAILED', 'RETRY')) AS failed,
                    coalesce(sum(records), 0)::bigint AS records
                  FROM sched.task WHERE biz_date = $1 GROUP BY stage) t ON t.stage = r.stage""", Tuple.of(date),
                r -> new StageProgress(r.getString("stage"), r.getLong("shards"), r.getLong("done"),
                        r.getLong("failed"), r.getLong("records"), r.getLong("ms"),
                        Boolean.TRUE.equals(r.getBoolean("running"))))
                .map(ConsoleQueries::inStageOrder);
    }

    public Uni<List<Rejection>> rejections(String date) {
        return list("""
                SELECT file_name, file_type, sender, reason, detail FROM trd.inbox_file
                WHERE biz_date = $1 AND status = 'REJECTED' ORDER BY file_name""", Tuple.of(date),
                r -> new Rejection(r.getString("file_name"), r.getString("file_type"),
                        senderOf(r.getString("file_name"), r.getString("sender")), r.getString("reason"),
                        r.getString("detail")));
    }

    /** Per sender (by code), the uploads of the day's files. */
    public Uni<List<Arrivals>> arrivals(String date) {
        return db.preparedQuery("""
                SELECT sender, file_name, file_type, user_name, size_bytes, arrived_at::text AS at
                FROM access.file_arrival WHERE biz_date = $1 ORDER BY sender, arrived_at DESC, id DESC""")
                .execute(Tuple.of(date)).map(rows -> {
                    Map<String, List<Arrival>> bySender = new LinkedHashMap<>();
                    for (Row r : rows) {
                        bySender.computeIfAbsent(r.getString("sender"), s -> new ArrayList<>())
                                .add(new Arrival(r.getString("file_name"), r.getString("file_type"),
                                        r.getString("user_name"), r.getLong("size_bytes"), r.getString("at")));
                    }
                    return bySender.entrySet().stream().map(e -> new Arrivals(e.getKey(), e.getValue())).toList();
                });
    }

    public Uni<List<Rollback>> rollbacks(String date) {
        return list("""
                SELECT kind, target, done_by, done_at::text AS at, detail FROM sched.rollback_log
                WHERE biz_date = $1 ORDER BY id""", Tuple.of(date),
                r -> new Rollback(r.getString("kind"), r.getString("target"), r.getString("done_by"),
                        r.getString("at"), r.getString("detail")));
    }

    private <T> Uni<List<T>> list(String sql, Tuple args, Function<Row, T> map) {
        return db.preparedQuery(sql).execute(args).map(rows -> {
            List<T> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(map.apply(r));
            }
            return out;
        });
    }

    /** A rejected file's sender: as recorded, else from its name when the name parses (an index or data file). */
    private static String senderOf(String file, String recorded) {
        if (recorded != null) {
            return recorded;
        }
        return OfdFileName.parse(file).map(OfdFileName::sender)
                .or(() -> OfiFileName.parse(file).map(OfiFileName::sender)).orElse(null);
    }

    private static Day day(Row r) {
        return new Day(r.getString("biz_date"), r.getString("status"), r.getString("stage"), r.getString("step"),
                r.getString("message"), r.getString("s"), r.getString("f"));
    }

    private static List<StageProgress> inStageOrder(List<StageProgress> stages) {
        return stages.stream().sorted(java.util.Comparator.comparingInt(
                s -> Stage.byId(s.stage()).map(Enum::ordinal).orElse(Integer.MAX_VALUE))).toList();
    }
}
