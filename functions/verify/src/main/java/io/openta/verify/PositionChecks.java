package io.openta.verify;

import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * The {@code positions} check: every position with close_date = D has close = prev_close + Σ moves of D (all
 * batches) + income of D, prev_close_date before D (prev_close 0 when created on D); positions untouched on D
 * have no moves and no income on D; no move or income lacks its position; no close is negative; a position
 * created on D belongs to an account of the same distributor and transaction account. On a MIGRATION day the
 * positions created on D hold the migrated balance (prev_close 0) and have no moves and no income.
 */
final class PositionChecks {
    private static final String C = VerifyReport.POSITIONS;
    private static final String TABLE = "clr.position";

    private final Day day;
    private final VerifyReport report;

    PositionChecks(Day day) {
        this.day = day;
        this.report = day.report();
    }

    void run() throws SQLException {
        String date = day.date();
        report.begin(C, day.migration() ? "a migration: positions created on D with their balance, no moves"
                : "close = prev_close + purchases - redemptions + income, for every position closed on D");
        day.db().query("""
                WITH mv AS (SELECT slot, ta_account_id, fund_code, sum(purchased - redeemed) AS d
                            FROM clr.position_move WHERE biz_date = :d GROUP BY slot, ta_account_id, fund_code),
                  inc AS (SELECT slot, ta_account_id, fund_code, income FROM clr.income WHERE biz_date = :d)
                SELECT p.ta_account_id, p.fund_code, p.close, p.close_date, p.prev_close, p.prev_close_date,
                  p.created_date, mv.d AS moved, inc.income
                FROM clr.position p
                LEFT JOIN mv ON mv.slot = p.slot AND mv.ta_account_id = p.ta_account_id AND mv.fund_code = p.fund_code
                LEFT JOIN inc ON inc.slot = p.slot AND inc.ta_account_id = p.ta_account_id
                  AND inc.fund_code = p.fund_code
                WHERE p.close_date = :d OR p.close < 0
                  OR (p.close_date < :d AND (mv.d IS NOT NULL OR inc.income IS NOT NULL))
                ORDER BY p.ta_account_id, p.fund_code""", rs -> {
            String rec = Labels.position(rs.getString("ta_account_id"), rs.getString("fund_code"));
            BigDecimal close = rs.getBigDecimal("close");
            String closeDate = rs.getString("close_date");
            BigDecimal moved = rs.getBigDecimal("moved");
            BigDecimal income = rs.getBigDecimal("income");
            BigDecimal prev = rs.getBigDecimal("prev_close");
            boolean created = date.equals(rs.getString("created_date"));
            if (close.signum() < 0) {
                report.mismatch(C, TABLE, rec, "close >= 0", Labels.plain(close));
            }
            if (date.equals(closeDate) && day.migration()) {
                report.records(C, 1);
                if (!created) {
                    report.mismatch(C, TABLE, rec, "created_date " + date + " (a migrated position)",
                            rs.getString("created_date"));
                }
                if (prev.signum() != 0) {
                    report.mismatch(C, TABLE, rec, "prev_close 0 (migrated on " + date + ")", Labels.plain(prev));
                }
                if (moved != null || income != null) {
                    report.mismatch(C, TABLE, rec, "no moves and no income on a migration day",
                            (moved != null ? "moves " + Labels.plain(moved) + " " : "")
                                    + (income != null ? "income " + Labels.plain(income) : ""));
                }
            } else if (date.equals(closeDate)) {
                report.records(C, 1);
                BigDecimal expected = prev.add(Labels.orZero(moved)).add(Labels.orZero(income));
                if (expected.compareTo(close) != 0) {
                    report.mismatch(C, TABLE, rec, "close " + Labels.plain(expected) + " (prev_close "
                            + Labels.plain(prev) + " + moves " + Labels.plain(Labels.orZero(moved)) + " + income "
                            + Labels.plain(Labels.orZero(income)) + ")", "close " + Labels.plain(close));
                }
                String prevDate = rs.getString("prev_close_date");
                if (prevDate.compareTo(date) >= 0) {
                    report.mismatch(C, TABLE, rec, "prev_close_date before " + date, prevDate);
                }
                if (created && prev.signum() != 0) {
                    report.mismatch(C, TABLE, rec, "prev_close 0 (created on " + date + ")", Labels.plain(prev));
                }
            } else if (closeDate.compareTo(date) < 0 && (moved != null || income != null)) {
                report.mismatch(C, TABLE, rec, "close_date " + date + " (it has "
                        + (moved != null ? "moves " + Labels.plain(moved) : "")
                        + (moved != null && income != null ? ", " : "")
                        + (income != null ? "income " + Labels.plain(income) : "") + " on " + date + ")",
                        "close_date " + closeDate);
            }
        });
        day.db().query("""
                SELECT 'clr.position_move' AS t, m.ta_account_id, m.fund_code FROM clr.position_move m
                WHERE m.biz_date = :d AND NOT EXISTS (SELECT 1 FROM clr.position p WHERE p.slot = m.slot
                  AND p.ta_account_id = m.ta_account_id AND p.fund_code = m.fund_code)
                UNION ALL
                SELECT 'clr.income', i.ta_account_id, i.fund_code FROM clr.income i
                WHERE i.biz_date = :d AND NOT EXISTS (SELECT 1 FROM clr.position p WHERE p.slot = i.slot
                  AND p.ta_account_id = i.ta_account_id AND p.fund_code = i.fund_code)""",
                rs -> report.mismatch(C, rs.getString("t"), Labels.position(rs.getString("ta_account_id"),
                        rs.getString("fund_code")), "its clr.position row (same slot)", "none"));
        day.db().query("""
                SELECT p.ta_account_id, p.fund_code, p.distributor, p.txn_account_id,
                  a.distributor AS account_distributor, a.txn_account_id AS account_txn, a.ta_account_id AS account
                FROM clr.position p LEFT JOIN acct.account a ON a.ta_account_id = p.ta_account_id
                WHERE p.created_date = :d AND (a.ta_account_id IS NULL OR a.distributor <> p.distributor
                  OR a.txn_account_id <> p.txn_account_id COLLATE "C")
                ORDER BY p.ta_account_id, p.fund_code""", rs -> report.mismatch(C, TABLE,
                Labels.position(rs.getString("ta_account_id"), rs.getString("fund_code")),
                rs.getString("account") == null ? "its account in acct.account" : "the account's "
                        + rs.getString("account_distributor") + "/" + rs.getString("account_txn"),
                rs.getString("account") == null ? "none" : rs.getString("distributor") + "/"
                        + rs.getString("txn_account_id")));
    }
}
