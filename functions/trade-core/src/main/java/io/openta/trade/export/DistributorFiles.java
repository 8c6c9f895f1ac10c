package io.openta.trade.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;

import io.openta.model.rules.Numbers12;
import io.openta.model.ofd.FileType;
import io.openta.model.ofd.OfdFileName;
import io.openta.model.ofd.OfdFileWriter;
import io.openta.model.ofd.OfdRecordBuilder;
import io.openta.model.rules.ApplicationChecks;
import io.openta.runtime.db.Sql;
import io.openta.runtime.staging.Staging;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Writes one distributor's output files of day T (spec 2.7) into a stage's staging folder, streaming rows from the
 * database in the file's order. Each file is written to a temporary name and renamed whole.
 */
public final class DistributorFiles {
    private static final int FETCH = 5000;

    private final Sql sql;
    private final Staging staging;
    private final String taCode;
    private final String date;
    private final String stage;

    public DistributorFiles(Sql sql, Staging staging, String taCode, String date, String stage) {
        this.sql = sql;
        this.staging = staging;
        this.taCode = taCode;
        this.date = date;
        this.stage = stage;
    }

    /** 02: every record of the distributor's accepted 01 file, by AppSheetSerialNo then record order. */
    public long accountConfirmations(String distributor) {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.ACCOUNT_CONFIRMATIONS);
        return write(distributor, FileType.ACCOUNT_CONFIRMATIONS, "000", """
                SELECT serial, txn_account_id, distributor, business_code, ta_account_id, return_code
                FROM acct.account_app WHERE biz_date = $1 AND sender = $2
                ORDER BY serial COLLATE "C", record_no""", r -> {
            Long account = r.getLong("ta_account_id");
            return b.reset().text("AppSheetSerialNo", r.getString("serial"))
                    .text("TransactionCfmDate", date)
                    .text("TransactionAccountID", r.getString("txn_account_id"))
                    .text("DistributorCode", r.getString("distributor"))
                    .text("BusinessCode", ApplicationChecks.confirmationBusinessCode(r.getString("business_code")))
                    .text("TAAccountID", account == null ? "" : Numbers12.of(account))
                    .text("ReturnCode", r.getString("return_code"))
                    .build();
        }, date, distributor);
    }

    /** 04 of one batch: every record of the distributor's accepted 03 file of that batch. */
    public long tradeConfirmations(String distributor, String batch) {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.TRADE_CONFIRMATIONS);
        return write(distributor, FileType.TRADE_CONFIRMATIONS, batch, """
                SELECT t.serial, t.ta_serial, t.txn_date, t.txn_account_id, t.distributor, t.fund_code,
                  c.ta_account_text, c.business_code, c.app_amount, c.app_vol, c.cfm_amount, c.cfm_vol, c.charge,
                  c.nav, c.return_code
                FROM trd.trade_app t JOIN trd.trade_cfm c ON c.biz_date = t.biz_date AND c.batch = t.batch
                  AND c.sender = t.sender AND c.record_no = t.record_no
                WHERE t.biz_date = $1 AND t.sender = $2 AND t.batch = $3
                ORDER BY t.serial COLLATE "C", t.record_no""", r -> b.reset()
                .text("AppSheetSerialNo", r.getString("serial"))
                .text("TASerialNO", date + Numbers12.of(r.getLong("ta_serial")))
                .text("TransactionCfmDate", date)
                .text("TransactionDate", r.getString("txn_date"))
                .text("TransactionAccountID", r.getString("txn_account_id"))
                .text("DistributorCode", r.getString("distributor"))
                .text("TAAccountID", r.getString("ta_account_text"))
                .text("BusinessCode", r.getString("business_code"))
                .text("FundCode", r.getString("fund_code"))
                .number("ApplicationAmount", r.getBigDecimal("app_amount"))
                .number("ApplicationVol", r.getBigDecimal("app_vol"))
                .number("ConfirmedAmount", r.getBigDecimal("cfm_amount"))
                .number("ConfirmedVol", r.getBigDecimal("cfm_vol"))
                .number("Charge", r.getBigDecimal("charge"))
                .number("NAV", r.getBigDecimal("nav"))
                .text("ReturnCode", r.getString("return_code"))
                .build(), date, distributor, batch);
    }

    /** 05: every position of the distributor at the final close of T, by TAAccountID then FundCode. */
    public long shareBalances(String distributor) {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.SHARE_BALANCES);
        return write(distributor, FileType.SHARE_BALANCES, "000", """
                SELECT ta_account_id, fund_code, txn_account_id, close FROM clr.position
                WHERE distributor = $1 AND created_date <= $2
                ORDER BY ta_account_id, fund_code COLLATE "C\"""", r -> b.reset()
                .text("TransactionCfmDate", date)
                .text("DistributorCode", distributor)
                .text("TransactionAccountID", r.getString("txn_account_id"))
                .text("TAAccountID", Numbers12.of(r.getLong("ta_account_id")))
                .text("FundCode", r.getString("fund_code"))
                .number("TotalVolOfDistributorInTA", r.getBigDecimal("close"))
                .build(), distributor, date);
    }

    /** 06: one record per money-market position that earned (e > 0) on T, by TAAccountID then FundCode. */
    public long income(String distributor) {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.INCOME);
        return write(distributor, FileType.INCOME, "000", """
                SELECT ta_account_id, fund_code, txn_account_id, eligible, income FROM clr.income
                WHERE biz_date = $1 AND distributor = $2
                ORDER BY ta_account_id, fund_code COLLATE "C\"""", r -> {
            BigDecimal income = r.getBigDecimal("income");
            return b.reset()
                    .text("TransactionCfmDate", date)
                    .text("DistributorCode", distributor)
                    .text("TransactionAccountID", r.getString("txn_account_id"))
                    .text("TAAccountID", Numbers12.of(r.getLong("ta_account_id")))
                    .text("FundCode", r.getString("fund_code"))
                    .text("DividendType", "2")
                    .text("DividentDate", date)
                    .number("BasisforCalculatingDividend", r.getBigDecimal("eligible"))
                    .number("DividendAmount", income.abs())
                    .text("DividendAmountFlag", income.signum() < 0 ? "1" : "0")
                    .number("VolOfDividendforReinvestment", income.abs())
                    .build();
        }, date, distributor);
    }

    private interface LineFormat {
        String line(Row row);
    }

    private long write(String distributor, FileType type, String batch, String query, LineFormat format,
            Object... args) {
        String name = new OfdFileName(taCode, distributor, date, type, batch).fileName();
        Path target = staging.stageDir(date, stage).resolve(name);
        Path temp = staging.tempFor(target);
        long count;
        try (OfdFileWriter out = OfdFileWriter.create(temp, taCode, distributor, date, batch, type)) {
            sql.stream(query, FETCH, row -> {
                try {
                    out.write(format.line(row));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, args);
            count = out.count();
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + name, e);
        }
        staging.commit(temp, target);
        return count;
    }
}
