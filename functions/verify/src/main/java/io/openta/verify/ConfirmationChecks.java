package io.openta.verify;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * The {@code confirmations} check: every trade application of D has exactly one confirmation and no confirmation
 * lacks its application; and every stored confirmation equals the one {@link TradeRecompute} computes again from the
 * applications and the fund, quote, fee (C5), account and position tables (spec v2 2.3, 1.6): ReturnCode, TAAccountID,
 * BusinessCode, ApplicationAmount, ApplicationVol, ConfirmedAmount, ConfirmedVol, Charge, NAV and RateFee. Each
 * mismatch names the version and track of the clearing task that wrote the row ({@link Writers}). The 04 files are
 * compared with these rows field by field by the {@code files} check, so a value the files and the database agree on
 * is still caught here when the rules give another.
 */
final class ConfirmationChecks {
    private static final String C = VerifyReport.CONFIRMATIONS;
    private static final String TABLE = "trd.trade_cfm";

    private final Day day;
    private final VerifyReport report;

    ConfirmationChecks(Day day) {
        this.day = day;
        this.report = day.report();
    }

    static String tradeRecord(ResultSet rs) throws SQLException {
        return "batch " + rs.getString("batch") + " sender " + rs.getString("sender") + " record "
                + rs.getInt("record_no");
    }

    void run() throws SQLException {
        report.begin(C, "every trade application has exactly one confirmation, with the values its application gives");
        Db db = day.db();
        report.records(C, db.count("SELECT count(*) FROM trd.trade_app WHERE biz_date = :d"));
        db.query("""
                SELECT t.batch, t.sender, t.record_no, t.serial, count(c.record_no) AS n
                FROM trd.trade_app t LEFT JOIN trd.trade_cfm c ON c.biz_date = t.biz_date AND c.batch = t.batch
                  AND c.sender = t.sender AND c.record_no = t.record_no
                WHERE t.biz_date = :d GROUP BY t.batch, t.sender, t.record_no, t.serial
                HAVING count(c.record_no) <> 1 ORDER BY t.batch, t.sender, t.record_no""",
                rs -> report.mismatch(C, TABLE, tradeRecord(rs) + " serial '"
                        + Labels.readable(ByteText.rtrim(rs.getString("serial"))) + "'", "1 confirmation",
                        rs.getLong("n") + " confirmations"));
        db.query("""
                SELECT c.batch, c.sender, c.record_no FROM trd.trade_cfm c WHERE c.biz_date = :d
                AND NOT EXISTS (SELECT 1 FROM trd.trade_app t WHERE t.biz_date = c.biz_date AND t.batch = c.batch
                  AND t.sender = c.sender AND t.record_no = c.record_no)
                ORDER BY c.batch, c.sender, c.record_no""",
                rs -> report.mismatch(C, TABLE, tradeRecord(rs), "its trd.trade_app row", "none"));
        values();
    }

    private void values() throws SQLException {
        Db db = day.db();
        Map<String, RecomputedConfirmation> expected = TradeRecompute.of(db);
        Writers writers = Writers.load(db);
        db.query("""
                SELECT c.batch, c.sender, c.record_no, t.serial, c.slot, r.ta_account_id, c.ta_account_text, c.business_code,
                  c.return_code, c.app_amount, c.app_vol, c.cfm_amount, c.cfm_vol, c.charge, c.nav, c.rate_fee
                FROM trd.trade_app t JOIN trd.trade_cfm c ON c.biz_date = t.biz_date AND c.batch = t.batch
                  AND c.sender = t.sender AND c.record_no = t.record_no
                  LEFT JOIN trd.trade_route r ON r.biz_date = t.biz_date AND r.batch = t.batch AND r.sender = t.sender
                    AND r.record_no = t.record_no
                WHERE t.biz_date = :d ORDER BY t.batch, t.sender, t.record_no""", rs -> {
            RecomputedConfirmation want = expected.get(TradeApplication.key(rs.getString("batch"),
                    rs.getString("sender"), rs.getInt("record_no")));
            if (want == null) {
                return;   // not reached: every joined row has its application
            }
            String rec = tradeRecord(rs) + " serial '" + Labels.readable(ByteText.rtrim(rs.getString("serial")))
                    + "'";
            // a wrong value is named with the version and track of the clearing task that wrote the row
            VerifyReport.Writer w = writers.ofConfirmation(rs.getString("batch"), rs.getInt("slot"),
                    rs.getString("ta_account_id"));
            text(w, rec, "ReturnCode", want.returnCode(), rs.getString("return_code"), want.why());
            text(w, rec, "TAAccountID", want.taAccountText(), rs.getString("ta_account_text"), want.ok()
                    ? "the resolved account" : "the resolved account where the account check passed, else the "
                    + "application's text");
            text(w, rec, "BusinessCode", want.businessCode(), rs.getString("business_code"),
                    "the application's with its first character replaced by 1");
            check(w, rec, "ApplicationAmount", want.appAmount(), rs.getBigDecimal("app_amount"),
                    "echoed, 0 when not digits");
            check(w, rec, "ApplicationVol", want.appVol(), rs.getBigDecimal("app_vol"), "echoed, 0 when not digits");
            String outcome = want.ok() ? "" : "refused " + want.returnCode();
            check(w, rec, "Charge", want.charge(), rs.getBigDecimal("charge"), want.chargeWhy());
            check(w, rec, "ConfirmedAmount", want.cfmAmount(), rs.getBigDecimal("cfm_amount"), want.ok()
                    ? "ApplicationAmount for 122, gross - Charge for 124" : outcome);
            check(w, rec, "ConfirmedVol", want.cfmVol(), rs.getBigDecimal("cfm_vol"), want.ok()
                    ? "(ApplicationAmount - Charge) / NAV rounded down for 122, ApplicationVol for 124" : outcome);
            check(w, rec, "NAV", want.nav(), rs.getBigDecimal("nav"), want.nav().signum() == 0
                    ? "0: the fund is not in the catalogue" : "the fund's NAV on " + day.date());
            check(w, rec, "RateFee", want.rateFee(), rs.getBigDecimal("rate_fee"), want.ok()
                    ? "the matched method-1 record's rate, else 0" : outcome);
        });
    }

    private void text(VerifyReport.Writer w, String rec, String field, String want, String got, String why) {
        String found = got == null ? null : ByteText.rtrim(got);
        if (!want.equals(found)) {
            report.mismatch(C, TABLE, rec, field + " " + Labels.show(want) + " (" + why + ")",
                    field + " " + (found == null ? "null" : Labels.show(found)), w);
        }
    }

    private void check(VerifyReport.Writer w, String rec, String field, BigDecimal want, BigDecimal got,
            String why) {
        if (got == null || want.compareTo(got) != 0) {
            report.mismatch(C, TABLE, rec, field + " " + Labels.plain(want) + " (" + why + ")",
                    field + " " + Labels.plain(got), w);
        }
    }
}
