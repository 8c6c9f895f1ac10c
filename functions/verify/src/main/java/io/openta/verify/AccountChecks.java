package io.openta.verify;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code accounts} check. On a clearing day: every account application of D has a return code; 0139 exactly
 * when its AppSheetSerialNo is empty or not ASCII letters and digits (v2 2.2, the first check); a {@code 0000}
 * one has a valid TransactionAccountID (0104), a 12-digit TAAccountID given once, above every earlier 12-digit ID
 * and increasing in the order the applications are taken (sender, then record), and the account opened on D for
 * the same distributor and transaction account; the others have none; no account opened on D lacks its
 * application. On a MIGRATION day: no applications, and every account opened on D holds a position.
 */
final class AccountChecks {
    private static final String C = VerifyReport.ACCOUNTS;
    private static final String TABLE = "acct.account_app/account_outcome";

    private final Day day;
    private final VerifyReport report;

    AccountChecks(Day day) {
        this.day = day;
        this.report = day.report();
    }

    private record Opened(String sender, int recordNo, String id, String label) {
    }

    void run() throws SQLException {
        String date = day.date();
        if (day.migration()) {
            migration();
            return;
        }
        report.begin(C, "every account application has its return code and, on success, its account");
        List<Opened> opened = new ArrayList<>();
        day.db().query("""
                SELECT a.sender, a.record_no, a.serial, a.txn_account_id AS app_txn, a.distributor AS app_distributor,
                  a.return_code, a.ta_account_id, c.ta_account_id AS account, c.opened_date,
                  c.distributor AS account_distributor, c.txn_account_id AS account_txn,
                  count(*) OVER (PARTITION BY a.ta_account_id) AS uses
                FROM (""" + StateSql.APPLICATIONS_WITH_OUTCOMES + """
                ) a LEFT JOIN acct.account c ON c.ta_account_id = a.ta_account_id""", rs -> {
            report.records(C, 1);
            String serial = rs.getString("serial");
            String rec = "sender " + rs.getString("sender") + " record " + rs.getInt("record_no") + " serial '"
                    + Labels.readable(ByteText.rtrim(serial)) + "'";
            String code = rs.getString("return_code");
            String id = rs.getString("ta_account_id");
            if (code == null) {
                report.mismatch(C, TABLE, rec, "a return code", "none");
                return;
            }
            boolean serialOk = ByteText.lettersAndDigits(serial);
            if (!serialOk != "0139".equals(code)) {
                report.mismatch(C, TABLE, rec, serialOk ? "not 0139 (the serial is ASCII letters and digits)"
                        : "return code 0139 (the serial is empty or not ASCII letters and digits)", code);
            }
            if (!code.equals("0000")) {
                if (id != null) {
                    report.mismatch(C, TABLE, rec, "no TAAccountID (return code " + code + ")", id);
                }
                return;
            }
            if (!ByteText.lettersAndDigits(rs.getString("app_txn"))) {
                report.mismatch(C, TABLE, rec, "return code 0104 (TransactionAccountID '"
                        + Labels.readable(ByteText.rtrim(rs.getString("app_txn")))
                        + "' is empty or not ASCII letters and digits)", code);
            }
            if (id == null) {
                report.mismatch(C, TABLE, rec, "a TAAccountID (return code 0000)", "none");
                return;
            }
            opened.add(new Opened(rs.getString("sender"), rs.getInt("record_no"), id, rec));
            if (rs.getLong("uses") > 1) {
                report.mismatch(C, TABLE, rec, "TAAccountID " + id + " given once", "given " + rs.getLong("uses")
                        + " times");
            }
            if (rs.getString("account") == null) {
                report.mismatch(C, "acct.account", rec, "account " + id, "no account");
                return;
            }
            if (!date.equals(rs.getString("opened_date"))) {
                report.mismatch(C, "acct.account", rec + " TAAccountID " + id, "opened_date " + date,
                        rs.getString("opened_date"));
            }
            String dist = ByteText.rtrim(rs.getString("app_distributor"));
            String txn = ByteText.rtrim(rs.getString("app_txn"));
            String accountDist = rs.getString("account_distributor");
            String accountTxn = rs.getString("account_txn");
            if (!dist.equals(accountDist) || !txn.equals(accountTxn)) {
                report.mismatch(C, "acct.account", rec + " TAAccountID " + id, dist + "/" + txn,
                        accountDist + "/" + accountTxn);
            }
        });
        sequence(opened);
        day.db().query("""
                SELECT c.ta_account_id, c.distributor, c.txn_account_id FROM acct.account c
                WHERE c.opened_date = :d AND NOT EXISTS (SELECT 1 FROM (""" + StateSql.APPLICATIONS_WITH_OUTCOMES + """
                  ) a WHERE a.return_code = '0000' AND a.ta_account_id = c.ta_account_id)
                ORDER BY c.ta_account_id""", rs -> report.mismatch(C, "acct.account",
                "TAAccountID " + rs.getString("ta_account_id") + " (" + rs.getString("distributor") + "/"
                        + rs.getString("txn_account_id") + ")",
                "an application of " + date + " confirmed 0000 that opened it", "none"));
    }

    /**
     * The IDs the TA opens on D: 12 digits, from one sequence that never restarts and continues after the largest
     * earlier 12-digit ID (migrated ones included), given in the order the applications are taken.
     */
    private void sequence(List<Opened> opened) throws SQLException {
        opened.sort(Comparator.comparing(Opened::sender).thenComparingInt(Opened::recordNo));
        String previous = day.db().string("""
                SELECT max(ta_account_id) FROM acct.account
                WHERE opened_date < :d AND ta_account_id ~ '^[0-9]{12}$'""");
        String after = previous == null ? "the IDs opened before " + day.date() + " (none)"
                : "the largest earlier 12-digit TAAccountID " + previous;
        for (Opened o : opened) {
            if (!o.id().matches("[0-9]{12}")) {
                report.mismatch(C, TABLE, o.label(), "a TAAccountID of 12 digits (an account the TA opens)", o.id());
                continue;
            }
            if (previous != null && o.id().compareTo(previous) <= 0) {
                report.mismatch(C, TABLE, o.label(), "a TAAccountID after " + after
                        + " (one sequence, in order of sender then record)", o.id());
            }
            previous = o.id();
            after = "TAAccountID " + o.id() + " of the application before";
        }
    }

    private void migration() throws SQLException {
        report.begin(C, "a migration: no applications; every account opened on D holds a position");
        report.records(C, day.db().count("SELECT count(*) FROM acct.account WHERE opened_date = :d"));
        long apps = day.db().count("SELECT count(*) FROM acct.account_app WHERE biz_date = :d");
        if (apps > 0) {
            report.mismatch(C, TABLE, "", "no account applications on a migration day", apps + " applications");
        }
        day.db().query("""
                SELECT c.ta_account_id, c.distributor, c.txn_account_id FROM acct.account c
                WHERE c.opened_date = :d AND NOT EXISTS (SELECT 1 FROM clr.position p
                  WHERE p.ta_account_id = c.ta_account_id)
                ORDER BY c.ta_account_id""", rs -> report.mismatch(C, "acct.account",
                "TAAccountID " + rs.getString("ta_account_id") + " (" + rs.getString("distributor") + "/"
                        + rs.getString("txn_account_id") + ")", "a migrated position of the account", "none"));
    }
}
