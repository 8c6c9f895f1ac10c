package io.openta.verify;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The records each output file must hold (spec 1.6, 2.7), derived again from the state's rows, in the order the
 * file must hold them.
 */
final class ExpectedRecords {
    static final BigDecimal NAV_ONE = new BigDecimal("1.0000");

    private final Day day;

    ExpectedRecords(Day day) {
        this.day = day;
    }

    /** The confirmation BusinessCode of an application's: its first character replaced by {@code 1}. */
    static String confirmationCode(String applicationCode) {
        String c = applicationCode == null ? "" : applicationCode;
        return c.isEmpty() ? "1" : "1" + c.substring(1);
    }

    static String taSerial(String date, long n) {
        return date + String.format("%012d", n);
    }

    /** 02 of a distributor: its accepted 01 records, by AppSheetSerialNo then record order. */
    List<ExpectedRecord> accountConfirmations(String distributor) throws SQLException {
        String d = day.date();
        List<ExpectedRecord> out = new ArrayList<>();
        day.db().query("""
                SELECT record_no, serial, txn_date, txn_time, txn_account_id, distributor, business_code, indiv,
                  return_code, ta_account_id
                FROM (""" + StateSql.APPLICATIONS_WITH_OUTCOMES + """
                ) a WHERE sender = ?""", rs -> {
            int no = rs.getInt("record_no");
            String code = rs.getString("return_code");
            String id = rs.getString("ta_account_id");
            out.add(ExpectedRecord.bySerial(rs.getString("serial"), "acct.account_app record " + no, no)
                    .put("AppSheetSerialNo", rs.getString("serial"))
                    .put("TransactionCfmDate", d)
                    .put("ReturnCode", code)
                    .put("TransactionAccountID", rs.getString("txn_account_id"))
                    .put("DistributorCode", rs.getString("distributor"))
                    .put("BusinessCode", confirmationCode(rs.getString("business_code")))
                    .put("TAAccountID", id == null ? "" : id)
                    .put("TransactionDate", rs.getString("txn_date"))
                    .put("TransactionTime", rs.getString("txn_time"))
                    .put("IndividualOrInstitution", rs.getString("indiv"))
                    .put("ErrorDetail", code == null ? null : ReturnTexts.errorDetail(code, 60)));
        }, distributor);
        out.sort(ExpectedRecord.SPEC_ORDER);
        return out;
    }

    /**
     * 04 of a distributor and batch: the confirmations of its accepted 03 records by AppSheetSerialNo then record
     * order, then (batch 000) its income reductions by TAAccountID then FundCode; TASerialNO from {@code first}.
     */
    List<ExpectedRecord> tradeConfirmations(String distributor, String batch, long first) throws SQLException {
        String d = day.date();
        List<ExpectedRecord> apps = new ArrayList<>();
        day.db().query("""
                SELECT t.record_no, t.serial, t.txn_date, t.txn_time, t.txn_account_id, t.distributor, t.fund_code,
                  t.specification, c.record_no AS cfm, c.ta_account_text, c.business_code, c.app_amount, c.app_vol,
                  c.cfm_amount, c.cfm_vol, c.charge, c.nav, c.rate_fee, c.return_code
                FROM trd.trade_app t LEFT JOIN trd.trade_cfm c ON c.biz_date = t.biz_date AND c.batch = t.batch
                  AND c.sender = t.sender AND c.record_no = t.record_no
                WHERE t.biz_date = :d AND t.sender = ? AND t.batch = ?""", rs -> {
            int no = rs.getInt("record_no");
            boolean cfm = rs.getObject("cfm") != null;
            String code = rs.getString("return_code");
            ExpectedRecord r = ExpectedRecord.bySerial(rs.getString("serial"), "trd.trade_cfm record " + no, no)
                    .put("AppSheetSerialNo", rs.getString("serial"))
                    .put("TransactionDate", rs.getString("txn_date"))
                    .put("TransactionTime", rs.getString("txn_time"))
                    .put("TransactionAccountID", rs.getString("txn_account_id"))
                    .put("DistributorCode", rs.getString("distributor"))
                    .put("FundCode", rs.getString("fund_code"))
                    .put("Specification", rs.getString("specification"))
                    .put("TransactionCfmDate", d)
                    .put("CurrencyType", "156")
                    .put("DownLoaddate", d)
                    .put("BusinessFinishFlag", "1")
                    .put("FromTAFlag", "0");
            for (String[] f : new String[][] {{"TAAccountID", "ta_account_text"}, {"BusinessCode", "business_code"},
                    {"ReturnCode", "return_code"}}) {
                r.put(f[0], cfm ? rs.getString(f[1]) : null);
            }
            for (String[] f : new String[][] {{"ApplicationAmount", "app_amount"}, {"ApplicationVol", "app_vol"},
                    {"ConfirmedAmount", "cfm_amount"}, {"ConfirmedVol", "cfm_vol"}, {"Charge", "charge"},
                    {"NAV", "nav"}, {"RateFee", "rate_fee"}}) {
                r.put(f[0], cfm ? rs.getBigDecimal(f[1]) : null);
            }
            r.put("ErrorDetail", cfm ? ReturnTexts.errorDetail(code, 60) : null);
            apps.add(r);
        }, distributor, batch);
        apps.sort(ExpectedRecord.SPEC_ORDER);
        List<ExpectedRecord> out = new ArrayList<>(apps);
        if ("000".equals(batch)) {
            List<ExpectedRecord> reductions = new ArrayList<>();
            day.db().query("""
                    SELECT i.ta_account_id, i.fund_code, i.income, coalesce(p.txn_account_id, i.txn_account_id) AS txn,
                      coalesce(p.distributor, i.distributor) AS dist
                    FROM clr.income i LEFT JOIN clr.position p ON p.slot = i.slot
                      AND p.ta_account_id = i.ta_account_id AND p.fund_code = i.fund_code
                    WHERE i.biz_date = :d AND i.distributor = ? AND i.income < 0""", rs -> reductions.add(
                    ExpectedRecord.byPosition("R", rs.getString("ta_account_id"), rs.getString("fund_code"),
                                    "clr.income, income reduction")
                            .put("TransactionCfmDate", d)
                            .put("TransactionAccountID", rs.getString("txn"))
                            .put("DistributorCode", rs.getString("dist"))
                            .put("TAAccountID", rs.getString("ta_account_id"))
                            .put("FundCode", rs.getString("fund_code"))
                            .put("BusinessCode", "145")
                            .put("ConfirmedVol", rs.getBigDecimal("income").negate())
                            .put("NAV", NAV_ONE)
                            .put("ReturnCode", "0000")
                            .put("ErrorDetail", ReturnTexts.errorDetail("0000", 60))
                            .put("CurrencyType", "156")
                            .put("DownLoaddate", d)
                            .put("BusinessFinishFlag", "1")
                            .put("FromTAFlag", "1")), distributor);
            reductions.sort(ExpectedRecord.SPEC_ORDER);
            out.addAll(reductions);
        }
        long n = first;
        for (ExpectedRecord r : out) {
            r.put("TASerialNO", taSerial(d, n++));
        }
        return out;
    }

    /** 05 of a distributor: every position at the end of D, by TAAccountID then FundCode. */
    List<ExpectedRecord> shareBalances(String distributor) throws SQLException {
        String d = day.date();
        List<ExpectedRecord> out = new ArrayList<>();
        day.db().query("WITH " + StateSql.stateOf("p.distributor = ?") + """
                 SELECT ta_account_id, fund_code, distributor, txn_account_id, end_d FROM state""", rs -> out.add(
                ExpectedRecord.byPosition("P", rs.getString("ta_account_id"), rs.getString("fund_code"),
                                "clr.position")
                        .put("TransactionCfmDate", d)
                        .put("DistributorCode", rs.getString("distributor"))
                        .put("TransactionAccountID", rs.getString("txn_account_id"))
                        .put("TAAccountID", rs.getString("ta_account_id"))
                        .put("FundCode", rs.getString("fund_code"))
                        .put("TotalVolOfDistributorInTA", rs.getBigDecimal("end_d"))
                        .put("AvailableVol", rs.getBigDecimal("end_d"))
                        .put("AccountStatus", "0")), distributor);
        out.sort(ExpectedRecord.SPEC_ORDER);
        return out;
    }

    /** 06 of a distributor: its money-market positions with income >= 0 on D, by TAAccountID then FundCode. */
    List<ExpectedRecord> income(String distributor) throws SQLException {
        String d = day.date();
        List<ExpectedRecord> out = new ArrayList<>();
        day.db().query("""
                SELECT i.ta_account_id, i.fund_code, i.eligible, i.income,
                  coalesce(p.txn_account_id, i.txn_account_id) AS txn, coalesce(p.distributor, i.distributor) AS dist
                FROM clr.income i LEFT JOIN clr.position p ON p.slot = i.slot
                  AND p.ta_account_id = i.ta_account_id AND p.fund_code = i.fund_code
                WHERE i.biz_date = :d AND i.distributor = ? AND i.income >= 0""", rs -> {
            BigDecimal income = rs.getBigDecimal("income");
            out.add(ExpectedRecord.byPosition("P", rs.getString("ta_account_id"), rs.getString("fund_code"),
                            "clr.income")
                    .put("TransactionCfmDate", d)
                    .put("DistributorCode", rs.getString("dist"))
                    .put("TransactionAccountID", rs.getString("txn"))
                    .put("TAAccountID", rs.getString("ta_account_id"))
                    .put("FundCode", rs.getString("fund_code"))
                    .put("CurrencyType", "156")
                    .put("BusinessCode", "143")
                    .put("ReturnCode", "0000")
                    .put("DividendType", "2")
                    .put("DividentDate", d)
                    .put("BasisforCalculatingDividend", rs.getBigDecimal("eligible"))
                    .put("DividendAmount", income)
                    .put("ConfirmedAmount", income)
                    .put("VolOfDividendforReinvestment", income)
                    .put("NAV", NAV_ONE)
                    .put("DefDividendMethod", "0"));
        }, distributor);
        out.sort(ExpectedRecord.SPEC_ORDER);
        return out;
    }
}
