package io.openta.trade.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;

import io.openta.model.ofd.FileType;
import io.openta.model.ofd.OfdFileName;
import io.openta.model.ofd.OfdFileWriter;
import io.openta.model.ofd.OfdRecordBuilder;
import io.openta.model.ofd.ReturnCodeTexts;
import io.openta.model.rules.ApplicationChecks;
import io.openta.runtime.db.Sql;
import io.openta.runtime.db.StreamedRow;
import io.openta.runtime.staging.Staging;

/**
 * Writes one distributor's output files of day T (spec v2 1.6, 2.7) into a stage's staging folder, in the standard
 * layouts, streaming rows from the database in the file's order. Each file is written to a temporary name and renamed
 * whole. Field texts from the input are echoed byte for byte (cut to the output width without splitting a GBK
 * character); ErrorDetail is the ReturnCode's standard text.
 */
public final class DistributorFiles {
    private static final int FETCH = 5000;
    private static final String CURRENCY_RMB = "156";
    private static final String INCOME_REDUCTION = "145";
    private static final String INCOME_CARRIED_FORWARD = "143";
    private static final String OK = "0000";
    private static final BigDecimal NAV_ONE = new BigDecimal("1.0000");
    /** FromTAFlag: 0 a confirmation of the distributor's application, 1 a record the TA originates (145). */
    private static final String FROM_DISTRIBUTOR = "0";
    private static final String FROM_TA = "1";

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

    /**
     * 02: every record of the distributor's accepted 01 file, by AppSheetSerialNo then record order, with the outcome
     * clearing decided ({@code acct.account_outcome}; code NULL there is 0000).
     */
    public long accountConfirmations(String distributor) {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.ACCOUNT_CONFIRMATIONS);
        return write(distributor, FileType.ACCOUNT_CONFIRMATIONS, "000", """
                SELECT a.serial, a.txn_date, a.txn_time, a.txn_account_id, a.distributor, a.business_code, a.indiv,
                  o.ta_account_id, CASE WHEN o.sender IS NOT NULL THEN coalesce(o.code, '0000') END AS return_code
                FROM acct.account_app a LEFT JOIN acct.account_outcome o
                  ON o.biz_date = a.biz_date AND o.sender = a.sender AND o.record_no = a.record_no
                WHERE a.biz_date = $1 AND a.sender = $2
                ORDER BY a.serial COLLATE "C", a.record_no""", r -> {
            String account = r.getString("ta_account_id");
            String code = r.getString("return_code");
            return b.reset().textCut("AppSheetSerialNo", r.getString("serial"))
                    .text("TransactionCfmDate", date)
                    .textCut("TransactionDate", r.getString("txn_date"))
                    .textCut("TransactionTime", r.getString("txn_time"))
                    .textCut("TransactionAccountID", r.getString("txn_account_id"))
                    .textCut("DistributorCode", r.getString("distributor"))
                    .textCut("IndividualOrInstitution", r.getString("indiv"))
                    .textCut("BusinessCode", ApplicationChecks.confirmationBusinessCode(r.getString("business_code")))
                    .text("TAAccountID", account == null ? "" : account)
                    .text("ReturnCode", code)
                    .textCut("ErrorDetail", ReturnCodeTexts.text(code));
        }, date, distributor);
    }

    /**
     * 04 of one batch: every record of the distributor's accepted 03 file of that batch, by AppSheetSerialNo then
     * record order; batch 000 then adds the income-reduction (145) records of the distributor's positions, by
     * TAAccountID then FundCode. TASerialNO = T + the 12-digit number {@code firstSerial} + place in the file - 1.
     */
    public long tradeConfirmations(String distributor, String batch, long firstSerial) {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.TRADE_CONFIRMATIONS);
        long[] serial = {firstSerial};
        String name = new OfdFileName(taCode, distributor, date, FileType.TRADE_CONFIRMATIONS.code(), batch)
                .fileName();
        return writeFile(distributor, name, out -> {
            stream(out, """
                    SELECT t.serial, t.txn_date, t.txn_time, t.txn_account_id, t.distributor, t.fund_code,
                      t.specification, c.ta_account_text, c.business_code, c.app_amount, c.app_vol, c.cfm_amount,
                      c.cfm_vol, c.charge, c.nav, c.rate_fee, c.return_code
                    FROM trd.trade_app t JOIN trd.trade_cfm c ON c.biz_date = t.biz_date AND c.batch = t.batch
                      AND c.sender = t.sender AND c.record_no = t.record_no
                    WHERE t.biz_date = $1 AND t.sender = $2 AND t.batch = $3
                    ORDER BY t.serial COLLATE "C", t.record_no""", r -> {
                b.reset()
                        .textCut("AppSheetSerialNo", r.getString("serial"))
                        .text("TransactionCfmDate", date)
                        .textCut("TransactionDate", r.getString("txn_date"))
                        .textCut("TransactionTime", r.getString("txn_time"))
                        .textCut("TransactionAccountID", r.getString("txn_account_id"))
                        .textCut("DistributorCode", r.getString("distributor"))
                        .textCut("FundCode", r.getString("fund_code"))
                        .textCut("Specification", r.getString("specification"))
                        .textCut("TAAccountID", r.getString("ta_account_text"))
                        .textCut("BusinessCode", r.getString("business_code"))
                        .text("TASerialNO", TaSerials.format(date, serial[0]++))
                        .number("ApplicationAmount", r.getBigDecimal("app_amount"))
                        .number("ApplicationVol", r.getBigDecimal("app_vol"))
                        .number("ConfirmedAmount", r.getBigDecimal("cfm_amount"))
                        .number("ConfirmedVol", r.getBigDecimal("cfm_vol"))
                        .number("Charge", r.getBigDecimal("charge"))
                        .number("NAV", r.getBigDecimal("nav"))
                        .number("RateFee", r.getBigDecimal("rate_fee"));
                return confirmed(b, r.getString("return_code"), FROM_DISTRIBUTOR);
            }, date, distributor, batch);
            if ("000".equals(batch)) {
                stream(out, """
                        SELECT ta_account_id, fund_code, txn_account_id, income FROM clr.income
                        WHERE biz_date = $1 AND distributor = $2 AND income < 0
                        ORDER BY ta_account_id, fund_code""", r -> confirmed(b.reset()
                        .text("TransactionCfmDate", date)
                        .textCut("TransactionAccountID", r.getString("txn_account_id"))
                        .textCut("DistributorCode", distributor)
                        .text("TAAccountID", r.getString("ta_account_id"))
                        .textCut("FundCode", r.getString("fund_code"))
                        .text("BusinessCode", INCOME_REDUCTION)
                        .text("TASerialNO", TaSerials.format(date, serial[0]++))
                        .number("ConfirmedVol", r.getBigDecimal("income").negate())
                        .number("NAV", NAV_ONE), OK, FROM_TA), date, distributor);
            }
        });
    }

    /** 05: every position of the distributor at the final close of T, by TAAccountID then FundCode. */
    public long shareBalances(String distributor) {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.SHARE_BALANCES);
        return write(distributor, FileType.SHARE_BALANCES, "000", """
                SELECT ta_account_id, fund_code, txn_account_id, close FROM clr.position
                WHERE distributor = $1 AND created_date <= $2
                ORDER BY ta_account_id, fund_code""", r -> b.reset()
                .text("TransactionCfmDate", date)
                .textCut("DistributorCode", distributor)
                .textCut("TransactionAccountID", r.getString("txn_account_id"))
                .text("TAAccountID", r.getString("ta_account_id"))
                .textCut("FundCode", r.getString("fund_code"))
                .number("TotalVolOfDistributorInTA", r.getBigDecimal("close"))
                .number("AvailableVol", r.getBigDecimal("close"))
                .text("AccountStatus", "0"), distributor, date);
    }

    /** 06: one record per money-market position with e > 0 and income >= 0 on T, by TAAccountID then FundCode. */
    public long income(String distributor) {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.INCOME);
        return write(distributor, FileType.INCOME, "000", """
                SELECT ta_account_id, fund_code, txn_account_id, eligible, income FROM clr.income
                WHERE biz_date = $1 AND distributor = $2 AND income >= 0
                ORDER BY ta_account_id, fund_code""", r -> {
            BigDecimal income = r.getBigDecimal("income");
            return b.reset()
                    .text("TransactionCfmDate", date)
                    .textCut("DistributorCode", distributor)
                    .textCut("TransactionAccountID", r.getString("txn_account_id"))
                    .text("TAAccountID", r.getString("ta_account_id"))
                    .textCut("FundCode", r.getString("fund_code"))
                    .text("CurrencyType", CURRENCY_RMB)
                    .text("BusinessCode", INCOME_CARRIED_FORWARD)
                    .text("ReturnCode", OK)
                    .text("DividendType", "2")
                    .text("DividentDate", date)
                    .number("BasisforCalculatingDividend", r.getBigDecimal("eligible"))
                    .number("DividendAmount", income)
                    .number("ConfirmedAmount", income)
                    .number("VolOfDividendforReinvestment", income)
                    .number("NAV", NAV_ONE)
                    .text("DefDividendMethod", "0");
        }, date, distributor);
    }

    /** The fields every 04 record ends with (spec v2 1.6): the outcome, its text, and the standard flags. */
    private OfdRecordBuilder confirmed(OfdRecordBuilder b, String returnCode, String fromTaFlag) {
        return b.text("ReturnCode", returnCode)
                .textCut("ErrorDetail", ReturnCodeTexts.text(returnCode))
                .text("CurrencyType", CURRENCY_RMB)
                .text("DownLoaddate", date)
                .text("BusinessFinishFlag", "1")
                .text("FromTAFlag", fromTaFlag);
    }

    /** Fills the builder with one row's record (the builder is then written as it is, no String made). */
    private interface LineFormat {
        OfdRecordBuilder line(StreamedRow row);
    }

    private interface FileBody {
        void write(OfdFileWriter out);
    }

    private long write(String distributor, FileType type, String batch, String query, LineFormat format,
            Object... args) {
        String name = new OfdFileName(taCode, distributor, date, type.code(), batch).fileName();
        return writeFile(distributor, name, out -> stream(out, query, format, args));
    }

    private void stream(OfdFileWriter out, String query, LineFormat format, Object... args) {
        sql.stream(query, FETCH, row -> {
            try {
                out.write(format.line(row));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, args);
    }

    private long writeFile(String distributor, String name, FileBody body) {
        Path target = staging.stageDir(date, stage).resolve(name);
        Path temp = staging.tempFor(target);
        OfdFileName parsed = OfdFileName.parse(name).orElseThrow();
        long count;
        try (OfdFileWriter out = OfdFileWriter.create(temp, taCode, distributor, date,
                parsed.fileType().orElseThrow())) {
            body.write(out);
            count = out.count();
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + name, e);
        }
        staging.commit(temp, target);
        return count;
    }
}
