package io.openta.verify;

import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * The {@code moves} check: per position and batch, the move of D equals Σ ConfirmedVol of the successful
 * purchases (122) and redemptions (124) confirmed for it, and there is no move without such a confirmation.
 */
final class MoveChecks {
    private static final String C = VerifyReport.MOVES;

    private final Day day;

    MoveChecks(Day day) {
        this.day = day;
    }

    void run() throws SQLException {
        VerifyReport report = day.report();
        report.begin(C, "each position move = Σ ConfirmedVol of its successful purchases and redemptions");
        report.records(C, day.db().count("SELECT count(*) FROM clr.position_move WHERE biz_date = :d"));
        day.db().query("""
                WITH cf AS (
                  SELECT t.batch, r.ta_account_id, rtrim(t.fund_code) COLLATE "C" AS fund_code,
                    sum(CASE WHEN rtrim(c.business_code) = '122' THEN c.cfm_vol ELSE 0 END) AS purchased,
                    sum(CASE WHEN rtrim(c.business_code) = '124' THEN c.cfm_vol ELSE 0 END) AS redeemed
                  FROM trd.trade_cfm c JOIN trd.trade_app t ON t.biz_date = c.biz_date AND t.batch = c.batch
                    AND t.sender = c.sender AND t.record_no = c.record_no
                  JOIN trd.trade_route r ON r.biz_date = t.biz_date AND r.batch = t.batch AND r.sender = t.sender
                    AND r.record_no = t.record_no
                  WHERE c.biz_date = :d AND c.return_code = '0000' AND rtrim(c.business_code) IN ('122', '124')
                  GROUP BY t.batch, r.ta_account_id, rtrim(t.fund_code) COLLATE "C"),
                mv AS (SELECT batch, ta_account_id, fund_code, purchased, redeemed FROM clr.position_move
                       WHERE biz_date = :d)
                SELECT coalesce(cf.batch, mv.batch) AS batch, coalesce(cf.ta_account_id, mv.ta_account_id) AS account,
                  coalesce(cf.fund_code, mv.fund_code) AS fund, cf.purchased AS cp, cf.redeemed AS cr,
                  mv.purchased AS mp, mv.redeemed AS mr
                FROM cf FULL JOIN mv ON mv.batch = cf.batch AND mv.ta_account_id = cf.ta_account_id
                  AND mv.fund_code = cf.fund_code
                WHERE mv.batch IS NULL OR cf.batch IS NULL OR cf.purchased <> mv.purchased
                  OR cf.redeemed <> mv.redeemed
                ORDER BY 1, 2, 3""", rs -> {
            String rec = Labels.position(rs.getString("account"), rs.getString("fund")) + " batch "
                    + rs.getString("batch");
            BigDecimal cp = rs.getBigDecimal("cp");
            BigDecimal mp = rs.getBigDecimal("mp");
            report.mismatch(C, "clr.position_move", rec,
                    cp == null ? "no move (no successful 122/124 confirmation)"
                            : "purchased " + Labels.plain(cp) + " redeemed " + Labels.plain(rs.getBigDecimal("cr"))
                            + " (trd.trade_cfm)",
                    mp == null ? "no move" : "purchased " + Labels.plain(mp) + " redeemed "
                            + Labels.plain(rs.getBigDecimal("mr")));
        });
    }
}
