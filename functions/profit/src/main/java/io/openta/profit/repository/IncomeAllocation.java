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
 * <li>{@code totals} (one task, the whole fund): R = Σ raw rounded half away from zero, k = (R - Σ base) / 0.01, and
 * the k-th position in the order |raw - base| descending, e descending, TAAccountID ascending (|raw - base| has
 * at most 11 decimals, so it ranks exactly as a whole number of 10^-11, which sorts far faster than numeric);</li>
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
        FIRST("diff DESC, e_cents DESC, ta_account_id", ">", "<="),
        LAST("diff, e_cents, ta_account_id DESC", "<", ">=");

        private final String orderBy;
        private final String before;
        private final String upTo;

        ResidueOrder(String orderBy, String before, String upTo) {
            this.orderBy = orderBy;
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
        // ranking every earner of a fund is one sort of up to millions of rows: let it stay in memory
        sql.exec("SET LOCAL work_mem = '512MB'");
        sql.update("DELETE FROM clr.income_fund WHERE biz_date = $1", date);
        sql.update("""
                INSERT INTO clr.income_fund (biz_date, fund_code, income_per_10k, total, cents)
                SELECT $1, fund_code, min(u), round(sum(raw), 2), abs((round(sum(raw), 2) - sum(base)) * 100)::bigint
                FROM (""" + EARNERS + """
                ) e GROUP BY fund_code""", date, 0, 1024);
        return sql.update("""
                UPDATE clr.income_fund f SET last_diff = l.diff, last_eligible = l.e, last_account = l.ta_account_id
                FROM clr.income_fund k CROSS JOIN LATERAL (
                  SELECT diff, e, ta_account_id FROM (""" + EARNERS + """
                  ) e WHERE e.fund_code = k.fund_code
                  ORDER BY""" + " " + order.orderBy + """
                   OFFSET k.cents - 1 LIMIT 1) l
                WHERE f.biz_date = $1 AND k.biz_date = $1 AND f.fund_code = k.fund_code AND k.cents > 0""",
                date, 0, 1024);
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
