package io.openta.profit.repository;

import io.openta.runtime.db.Sql;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Money-market income, set-based (spec 2.4). Eligible shares e are the position's close before T (T's purchases do
 * not earn, T's redemptions do); raw = e x u / 10000 exactly (multiplied by 0.0001, since a numeric division
 * rounds); base = raw truncated toward zero to 0.01. The fund total R = Σ raw rounded half away from zero; the
 * k = (R - Σ base) / 0.01 positions with the largest |raw - base| (ties: larger e, then smaller TAAccountID) get one
 * more cent with the sign of u, so that Σ income = R exactly.
 */
public final class IncomeAllocation {
    private IncomeAllocation() {
    }

    public static long baseIncome(Sql sql, String date, int slotFrom, int slotTo) {
        sql.update("DELETE FROM clr.income WHERE biz_date = $1 AND slot >= $2 AND slot < $3", date, slotFrom, slotTo);
        return sql.update("""
                INSERT INTO clr.income (biz_date, slot, ta_account_id, fund_code, distributor, txn_account_id, eligible,
                  raw, base, income)
                SELECT $1, p.slot, p.ta_account_id, p.fund_code, p.distributor, p.txn_account_id, p.e,
                  p.e * q.income_per_10k * 0.0001,
                  trunc(p.e * q.income_per_10k * 0.0001, 2), trunc(p.e * q.income_per_10k * 0.0001, 2)
                FROM (SELECT slot, ta_account_id, fund_code, distributor, txn_account_id,
                        CASE WHEN close_date = $1 THEN prev_close ELSE close END AS e
                      FROM clr.position WHERE slot >= $2 AND slot < $3) p
                JOIN clr.quote q ON q.biz_date = $1 AND q.fund_code = p.fund_code
                JOIN (SELECT DISTINCT ON (fund_code) fund_code, fund_type FROM clr.fund WHERE effective_date <= $1
                      ORDER BY fund_code, effective_date DESC) f ON f.fund_code = p.fund_code AND f.fund_type = '01'
                WHERE p.e > 0""", date, slotFrom, slotTo);
    }

    public static long residue(Sql sql, String date) {
        sql.exec("ANALYZE clr.income");
        sql.update("UPDATE clr.income SET income = base WHERE biz_date = $1 AND income <> base", date);
        long cents = 0;
        for (Row fund : sql.list("""
                SELECT fund_code, ((round(sum(raw), 2) - sum(base)) * 100)::bigint AS k
                FROM clr.income WHERE biz_date = $1 GROUP BY fund_code""", date)) {
            long k = fund.getLong("k");
            if (k == 0) {
                continue;
            }
            cents += sql.update("""
                    UPDATE clr.income i SET income = i.base + sign($3::bigint) * 0.01 FROM (
                      SELECT slot, ta_account_id FROM clr.income WHERE biz_date = $1 AND fund_code = $2
                      ORDER BY abs(raw - base) DESC, eligible DESC, ta_account_id
                      LIMIT abs($3::bigint)) w
                    WHERE i.biz_date = $1 AND i.fund_code = $2 AND i.slot = w.slot
                      AND i.ta_account_id = w.ta_account_id""", date, fund.getString("fund_code"), k);
        }
        return cents;
    }
}
