package io.openta.profit.repository;

import io.openta.runtime.db.FundCatalogueSql;
import io.openta.runtime.db.Sql;
import io.openta.runtime.db.Statistics;
import io.openta.runtime.release.LaneFilter;

/**
 * Money-market income, set-based (spec 2.4), in two steps. Eligible shares e are the position's close before T (T's
 * purchases do not earn, T's redemptions do); raw = e x u / 10000 exactly (multiplied by 0.0001, since a numeric
 * division rounds); base = raw truncated toward zero to 0.01.
 * <ol>
 * <li>{@code totals} (one task, the whole fund, the earners computed once): R = Σ raw rounded half away from zero,
 * k = (R - Σ base) / 0.01, and the k-th position in the order |raw - base| descending, e descending, TAAccountID
 * ascending (|raw - base| has at most 11 decimals, so it ranks exactly as a whole number of 10^-11, which sorts far
 * faster than numeric);</li>
 * <li>{@code income} (per shard): every eligible position's income = base, plus one cent with the sign of u when it
 * comes no later than that k-th position in the order. So Σ income = R exactly, and each row is written once.</li>
 * </ol>
 */
public final class IncomeAllocation {
    /**
     * Eligible money-market positions of day $1 with their raw income, for the slots [$2, $3). Numeric arithmetic is
     * what this step spends its time on, so each value is computed once: the OFFSET 0 keeps PostgreSQL from folding
     * the inner selects into the outer one and repeating their expressions.
     */
    private static final String EARNERS = """
            SELECT r.*, trunc(r.raw, 2) AS base, (abs(r.raw - trunc(r.raw, 2)) * 100000000000)::bigint AS diff,
              (r.e * 100)::bigint AS e_cents
            FROM (SELECT p.slot, p.ta_account_id, p.fund_code, p.distributor, p.txn_account_id, p.e,
                    q.income_per_10k AS u, p.e * q.income_per_10k * 0.0001 AS raw
                  FROM (SELECT slot, ta_account_id, fund_code, distributor, txn_account_id,
                          CASE WHEN close_date = $1 THEN prev_close ELSE close END AS e
                        FROM clr.position WHERE slot >= $2 AND slot < $3) p
                  JOIN clr.quote q ON q.biz_date = $1 AND q.fund_code = p.fund_code
                  JOIN """ + FundCatalogueSql.ON_DATE + """
                    f ON f.fund_code = p.fund_code AND f.fund_type = '04'
                  WHERE p.e > 0 OFFSET 0) r""";

    /**
     * Which end of the ranking the residue cents go to. {@link #FIRST} is the rule; {@link #LAST} exists only for
     * the {@code residue-cent-to-wrong-account} failpoint (the same number of cents, to the wrong positions).
     */
    public enum ResidueOrder {
        FIRST("DESC", "e_cents DESC, ta_account_id", ">", "<="),
        LAST("ASC", "e_cents, ta_account_id DESC", "<", ">=");

        private final String diffOrder;
        private final String tieOrder;
        private final String before;
        private final String upTo;

        ResidueOrder(String diffOrder, String tieOrder, String before, String upTo) {
            this.diffOrder = diffOrder;
            this.tieOrder = tieOrder;
            this.before = before;
            this.upTo = upTo;
        }

        /** True for a position ranked no later than the fund's last cent position f.last_*. */
        String gets() {
            return "(e.diff " + before + " f.last_diff OR (e.diff = f.last_diff AND (e.e " + before
                    + " f.last_eligible OR (e.e = f.last_eligible AND e.ta_account_id " + upTo
                    + " f.last_account))))";
        }
    }

    private IncomeAllocation() {
    }

    public static long fundTotals(Sql sql, String date) {
        return fundTotals(sql, date, ResidueOrder.FIRST);
    }

    public static long fundTotals(Sql sql, String date, ResidueOrder order) {
        // the first single task after clearing: statistics for what the clearing shards wrote (the exports join it)
        Statistics.refresh(sql, "trd.trade_cfm", "clr.position_move", "clr.position");
        // the earners of every fund (up to millions of rows) are held and their diffs sorted: let it stay in memory
        sql.exec("SET LOCAL work_mem = '512MB'");
        sql.update("DELETE FROM clr.income_fund WHERE biz_date = $1", date);
        // The earners are computed once (the numeric products are what this step costs) into a temporary table
        // that the fund sums and the ranking read: a CREATE TABLE AS may run its query in parallel workers, where the
        // INSERT below may not (at 1,000,000 positions, in psql: 5.6 s as one INSERT with the earners in a CTE;
        // 1.5 s for the earners in parallel plus 0.8 s for the rest). The k-th position of the order is found
        // without sorting whole rows: its diff is the k-th diff (a sort of one bigint column), and among the
        // positions with that diff it is the (k - those ranked above)-th by e, then TAAccountID.
        sql.materialize("earner", "SELECT fund_code, u, raw, base, diff, e_cents, e, ta_account_id FROM ("
                + EARNERS + ") x", date, 0, 1024);
        sql.update("""
                WITH t AS (SELECT fund_code, min(u) AS u, round(sum(raw), 2) AS total,
                        abs((round(sum(raw), 2) - sum(base)) * 100)::bigint AS cents
                      FROM earner GROUP BY fund_code)
                INSERT INTO clr.income_fund (biz_date, fund_code, income_per_10k, total, cents, last_diff,
                  last_eligible, last_account)
                SELECT $1, t.fund_code, t.u, t.total, t.cents, l.diff, l.e, l.ta_account_id
                FROM t
                LEFT JOIN LATERAL (SELECT diff AS cut FROM earner e WHERE e.fund_code = t.fund_code AND t.cents > 0
                  ORDER BY diff""" + " " + order.diffOrder + """
                   OFFSET greatest(t.cents - 1, 0) LIMIT 1) c ON true
                LEFT JOIN LATERAL (SELECT count(*) AS above FROM earner e
                  WHERE e.fund_code = t.fund_code AND e.diff""" + " " + order.before + """
                 c.cut) a ON true
                LEFT JOIN LATERAL (SELECT diff, e, ta_account_id FROM earner e
                  WHERE e.fund_code = t.fund_code AND e.diff = c.cut
                  ORDER BY""" + " " + order.tieOrder + " " + """
                  OFFSET greatest(t.cents - 1 - a.above, 0) LIMIT 1) l ON true""", date);
        return sql.one("SELECT count(*) AS n FROM clr.income_fund WHERE biz_date = $1 AND cents > 0", date)
                .getLong("n");
    }

    public static long income(Sql sql, String date, int slotFrom, int slotTo) {
        return income(sql, date, slotFrom, slotTo, LaneFilter.ALL, ResidueOrder.FIRST);
    }

    /** The income of the positions of the slots [slotFrom, slotTo) in {@code lane}. */
    public static long income(Sql sql, String date, int slotFrom, int slotTo, LaneFilter lane, ResidueOrder order) {
        sql.update("DELETE FROM clr.income i WHERE biz_date = $1 AND slot >= $2 AND slot < $3 AND "
                + lane.sql(4, "i.slot", "i.ta_account_id"), lane.args(date, slotFrom, slotTo));
        return sql.update("""
                INSERT INTO clr.income (biz_date, slot, ta_account_id, fund_code, distributor, txn_account_id, eligible,
                  raw, base, income)
                SELECT $1, e.slot, e.ta_account_id, e.fund_code, e.distributor, e.txn_account_id, e.e, e.raw, e.base,
                  e.base + CASE WHEN f.cents > 0 AND""" + " " + order.gets() + """
                    THEN sign(e.u) * 0.01 ELSE 0 END
                FROM (""" + EARNERS + """
                ) e JOIN clr.income_fund f ON f.biz_date = $1 AND f.fund_code = e.fund_code
                WHERE""" + " " + lane.sql(4, "e.slot", "e.ta_account_id"), lane.args(date, slotFrom, slotTo));
    }
}
