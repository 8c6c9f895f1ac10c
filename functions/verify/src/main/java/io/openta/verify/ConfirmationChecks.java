package io.openta.verify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code confirmations} check: every trade application of D has exactly one confirmation and no confirmation
 * lacks its application; and each confirmation's values follow again from its application (spec 1.6, 2.3):
 * BusinessCode the application's with its first character replaced by {@code 1}; 0139 exactly when the serial is
 * empty or not ASCII letters and digits; NAV the fund's NAV on D when the fund is in the catalogue, else 0; a
 * refused one confirms 0 amount, volume, charge and RateFee; a successful purchase (122) or redemption (124) its
 * amount, volume, Charge and RateFee from the C5 fee table in force.
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
        Set<String> catalogue = new HashSet<>(db.strings("SELECT fund_code FROM " + StateSql.FUNDS_OF_D + " f"));
        Map<String, BigDecimal> navs = new HashMap<>();
        db.query("SELECT fund_code, nav FROM clr.quote WHERE biz_date = :d",
                rs -> navs.put(ByteText.rtrim(rs.getString(1)), rs.getBigDecimal(2)));
        FeeTable fees = FeeTable.of(db);
        Writers writers = Writers.load(db);
        db.query("""
                SELECT t.batch, t.sender, t.record_no, t.serial, t.business_code AS app_code, t.fund_code, c.slot,
                  c.business_code, c.return_code, c.app_amount, c.app_vol, c.cfm_amount, c.cfm_vol, c.charge, c.nav,
                  c.rate_fee
                FROM trd.trade_app t JOIN trd.trade_cfm c ON c.biz_date = t.biz_date AND c.batch = t.batch
                  AND c.sender = t.sender AND c.record_no = t.record_no
                WHERE t.biz_date = :d ORDER BY t.batch, t.sender, t.record_no""", rs -> {
            String serial = rs.getString("serial");
            String rec = tradeRecord(rs) + " serial '" + Labels.readable(ByteText.rtrim(serial)) + "'";
            // a wrong value is named with the version and track of the clearing task that wrote the row
            VerifyReport.Writer w = writers.ofConfirmation(rs.getString("batch"), rs.getInt("slot"));
            String code = rs.getString("return_code").trim();
            String business = ByteText.rtrim(rs.getString("business_code"));
            String wantBusiness = ByteText.rtrim(ExpectedRecords.confirmationCode(rs.getString("app_code")));
            if (!business.equals(wantBusiness)) {
                report.mismatch(C, TABLE, rec, "BusinessCode " + wantBusiness + " (the application's "
                        + Labels.show(rs.getString("app_code")) + " with its first character replaced by 1)",
                        "BusinessCode " + business, w);
            }
            boolean serialOk = ByteText.lettersAndDigits(serial);
            if (!serialOk != "0139".equals(code)) {
                report.mismatch(C, TABLE, rec, serialOk ? "not 0139 (the serial is ASCII letters and digits)"
                        : "return code 0139 (the serial is empty or not ASCII letters and digits)", code, w);
            }
            String fund = ByteText.rtrim(rs.getString("fund_code"));
            BigDecimal nav = catalogue.contains(fund) ? navs.getOrDefault(fund, BigDecimal.ZERO) : BigDecimal.ZERO;
            check(w, rec, "NAV", nav, rs.getBigDecimal("nav"), catalogue.contains(fund) ? "the NAV of " + fund + " on "
                    + day.date() : "0: " + Labels.show(fund) + " is not in the catalogue");
            BigDecimal amount = rs.getBigDecimal("cfm_amount");
            BigDecimal vol = rs.getBigDecimal("cfm_vol");
            BigDecimal charge = rs.getBigDecimal("charge");
            BigDecimal rateFee = rs.getBigDecimal("rate_fee");
            if (!"0000".equals(code)) {
                String why = "refused " + code;
                check(w, rec, "ConfirmedAmount", BigDecimal.ZERO, amount, why);
                check(w, rec, "ConfirmedVol", BigDecimal.ZERO, vol, why);
                check(w, rec, "Charge", BigDecimal.ZERO, charge, why);
                check(w, rec, "RateFee", BigDecimal.ZERO, rateFee, why);
                return;
            }
            if (nav.signum() == 0) {
                return;   // success without a NAV: named by the NAV mismatch above
            }
            if (business.equals("122")) {
                BigDecimal x = rs.getBigDecimal("app_amount");
                FeeTable.Fee fee = fees.fee(fund, "122", x);
                check(w, rec, "Charge", fee.charge(), charge, fee.how() + " on " + x.toPlainString());
                check(w, rec, "RateFee", fee.rateFee(), rateFee, fee.how());
                check(w, rec, "ConfirmedAmount", x, amount, "the ApplicationAmount");
                check(w, rec, "ConfirmedVol", x.subtract(charge).divide(nav, 2, RoundingMode.DOWN), vol,
                        "(ApplicationAmount - Charge) / NAV rounded down");
            } else if (business.equals("124")) {
                BigDecimal appVol = rs.getBigDecimal("app_vol");
                BigDecimal gross = appVol.multiply(nav).setScale(2, RoundingMode.HALF_UP);
                FeeTable.Fee fee = fees.fee(fund, "124", gross);
                check(w, rec, "Charge", fee.charge(), charge, fee.how() + " on the gross " + gross.toPlainString());
                check(w, rec, "RateFee", fee.rateFee(), rateFee, fee.how());
                check(w, rec, "ConfirmedVol", appVol, vol, "the ApplicationVol");
                check(w, rec, "ConfirmedAmount", gross.subtract(charge), amount, "gross "
                        + gross.toPlainString() + " - Charge");
            } else {
                report.mismatch(C, TABLE, rec, "a refusal (only 122 and 124 confirm 0000)", "0000 for "
                        + business, w);
            }
        });
    }

    private void check(VerifyReport.Writer w, String rec, String field, BigDecimal want, BigDecimal got,
            String why) {
        if (got == null || want.compareTo(got) != 0) {
            report.mismatch(C, TABLE, rec, field + " " + Labels.plain(want) + " (" + why + ")",
                    field + " " + Labels.plain(got), w);
        }
    }
}
