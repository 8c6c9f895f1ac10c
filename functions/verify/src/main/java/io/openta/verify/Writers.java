package io.openta.verify;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who wrote a row of day D: the version and track recorded in {@code sched.task_execution} by the last commit of the
 * shard task whose slot range holds the row's slot (shard s of N covers the slots [s*1024/N, (s+1)*1024/N), as the
 * runtime's Slots). A step split into lanes by a release segment has two tasks per shard: task s (the stable lane)
 * and task N+s (the canary lane), and the row is the canary lane's when its slot, its TAAccountID or its account's
 * distributor is in the segment its stage run recorded ({@code sched.stage_run.segment}), as the runtime's
 * LaneFilter decides it. A mismatch in a confirmation or an income row is attributed this way, so a release can tell
 * a wrong canary from a wrong stable. Read-only, from the state like every other check.
 */
final class Writers {
    private static final int SLOTS = 1024;

    /** The rows of one task: its slot range, and for a lane, whether it is the canary's. */
    private record Range(int from, int to, boolean split, boolean canaryLane, VerifyReport.Writer writer) {
    }

    /** A stage run's segment, resolved: its slots, and its accounts with those of its distributors. */
    private record Members(Set<Integer> slots, Set<String> accounts) {
        boolean hold(int slot, String account) {
            return slots.contains(slot) || account != null && accounts.contains(account);
        }
    }

    private final Map<String, List<Range>> byStep = new HashMap<>();
    private final Map<String, Members> segments = new HashMap<>();

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
            int task = rs.getInt("shard");
            int shards = rs.getInt("shards");
            boolean canaryLane = task >= shards;
            int shard = canaryLane ? task - shards : task;
            w.byStep.computeIfAbsent(rs.getString("stage") + "/" + rs.getString("step"), k -> new ArrayList<>())
                    .add(new Range((int) ((long) shard * SLOTS / shards), (int) ((long) (shard + 1) * SLOTS / shards),
                            false, canaryLane, new VerifyReport.Writer(rs.getString("version"), rs.getString("track"))));
        });
        w.markSplitSteps();
        w.loadSegments(db);
        return w;
    }

    /** A step with a canary-lane task was split: each of its ranges holds only its lane's rows. */
    private void markSplitSteps() {
        byStep.replaceAll((step, ranges) -> {
            if (ranges.stream().noneMatch(Range::canaryLane)) {
                return ranges;
            }
            return ranges.stream().map(r -> new Range(r.from(), r.to(), true, r.canaryLane(), r.writer())).toList();
        });
    }

    /** The segments the day's stage runs were started with (V29); none on a state without them. */
    private void loadSegments(Db db) throws SQLException {
        if (db.count("""
                SELECT count(*) FROM information_schema.columns
                WHERE table_schema = 'sched' AND table_name = 'stage_run' AND column_name = 'segment'""") < 1) {
            return;
        }
        db.query("""
                SELECT r.stage, s.slot::int AS slot FROM sched.stage_run r
                CROSS JOIN LATERAL jsonb_array_elements_text(r.segment -> 'slots') AS s(slot)
                WHERE r.biz_date = :d AND r.segment IS NOT NULL""",
                rs -> members(rs.getString("stage")).slots().add(rs.getInt("slot")));
        db.query("""
                SELECT r.stage, a.ta_account_id FROM sched.stage_run r JOIN acct.account a
                  ON a.ta_account_id IN (SELECT lpad(x, 12, '0')
                    FROM jsonb_array_elements_text(r.segment -> 'accounts') x)
                  OR a.distributor IN (SELECT x FROM jsonb_array_elements_text(r.segment -> 'distributors') x)
                WHERE r.biz_date = :d AND r.segment IS NOT NULL""",
                rs -> members(rs.getString("stage")).accounts().add(rs.getString("ta_account_id")));
    }

    private Members members(String stage) {
        return segments.computeIfAbsent(stage, k -> new Members(new HashSet<>(), new HashSet<>()));
    }

    /** Every version and track that recorded a task commit of D. */
    Set<VerifyReport.Writer> all() {
        Set<VerifyReport.Writer> out = new LinkedHashSet<>();
        byStep.values().forEach(ranges -> ranges.forEach(r -> out.add(r.writer())));
        return out;
    }

    /**
     * The writer of a row of {@code slot} and {@code account} (null when the row has none) written by step
     * {@code step} of {@code stage}, or null when unknown.
     */
    VerifyReport.Writer of(String stage, String step, int slot, String account) {
        Members segment = segments.get(stage);
        for (Range r : byStep.getOrDefault(stage + "/" + step, List.of())) {
            if (slot < r.from() || slot >= r.to()) {
                continue;
            }
            if (!r.split()) {
                return r.writer();
            }
            boolean canaryRow = segment != null && segment.hold(slot, account);
            if (canaryRow == r.canaryLane()) {
                return r.writer();
            }
        }
        return null;
    }

    /** The writer of a confirmation of {@code batch}: clearing's trades (000) or secondary clearing's trades-NNN. */
    VerifyReport.Writer ofConfirmation(String batch, int slot, String account) {
        return "000".equals(batch) ? of("clearing", "trades", slot, account)
                : of("secondary-clearing", "trades-" + batch, slot, account);
    }

    /** The writer of an income row: the profit task of the row's shard (step income) that inserted it. */
    VerifyReport.Writer ofIncome(int slot, String account) {
        return of("profit", "income", slot, account);
    }
}
