package io.openta.verify;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who wrote a row of day D: the version and track recorded in {@code sched.task_execution} by the last commit of the
 * shard task whose slot range holds the row's slot (shard s of N covers the slots [s*1024/N, (s+1)*1024/N), as the
 * runtime's Slots). A mismatch in a confirmation or an income row is attributed this way, so a release can tell a
 * wrong canary from a wrong stable. Read-only, from the state like every other check.
 */
final class Writers {
    private static final int SLOTS = 1024;

    private record Range(int from, int to, VerifyReport.Writer writer) {
    }

    private final Map<String, List<Range>> byStep = new HashMap<>();

    private Writers() {
    }

    /** The writers of every shard task of D; none (every row unattributed) on a state without the V25 columns. */
    static Writers load(Db db) throws SQLException {
        Writers w = new Writers();
        if (db.count("""
                SELECT count(*) FROM information_schema.columns
                WHERE table_schema = 'sched' AND table_name = 'task_execution' AND column_name IN ('version', 'track')
                """) < 2) {
            return w;
        }
        db.query("""
                SELECT t.stage, t.step, t.shard, t.shards, x.version, x.track FROM sched.task t
                LEFT JOIN LATERAL (SELECT e.version, e.track FROM sched.task_execution e WHERE e.biz_date = t.biz_date
                  AND e.stage = t.stage AND e.step = t.step AND e.shard = t.shard ORDER BY e.id DESC LIMIT 1) x
                  ON true
                WHERE t.biz_date = :d""", rs -> {
            if (rs.getString("version") == null && rs.getString("track") == null) {
                return;   // no commit recorded (or one before V25): nobody to name
            }
            int shard = rs.getInt("shard");
            int shards = rs.getInt("shards");
            w.byStep.computeIfAbsent(rs.getString("stage") + "/" + rs.getString("step"), k -> new ArrayList<>())
                    .add(new Range((int) ((long) shard * SLOTS / shards), (int) ((long) (shard + 1) * SLOTS / shards),
                            new VerifyReport.Writer(rs.getString("version"), rs.getString("track"))));
        });
        return w;
    }

    /** Every version and track that recorded a task commit of D. */
    Set<VerifyReport.Writer> all() {
        Set<VerifyReport.Writer> out = new LinkedHashSet<>();
        byStep.values().forEach(ranges -> ranges.forEach(r -> out.add(r.writer())));
        return out;
    }

    /** The writer of a row of {@code slot} written by step {@code step} of {@code stage}, or null when unknown. */
    VerifyReport.Writer of(String stage, String step, int slot) {
        for (Range r : byStep.getOrDefault(stage + "/" + step, List.of())) {
            if (slot >= r.from() && slot < r.to()) {
                return r.writer();
            }
        }
        return null;
    }

    /** The writer of a confirmation of {@code batch}: clearing's trades (000) or secondary clearing's trades-NNN. */
    VerifyReport.Writer ofConfirmation(String batch, int slot) {
        return "000".equals(batch) ? of("clearing", "trades", slot) : of("secondary-clearing", "trades-" + batch, slot);
    }

    /** The writer of an income row: the profit task of the row's shard (step income) that inserted it. */
    VerifyReport.Writer ofIncome(int slot) {
        return of("profit", "income", slot);
    }
}
