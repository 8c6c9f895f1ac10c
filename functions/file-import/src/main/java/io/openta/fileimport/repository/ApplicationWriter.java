package io.openta.fileimport.repository;

import java.io.IOException;

import io.openta.model.ofd.FileType;
import io.openta.model.ofd.OfdCheck;
import io.openta.model.ofd.OfdHeader;
import io.openta.model.ofd.OfdReader;
import io.openta.model.ofd.OfdRecord;
import io.openta.model.rules.ApplicationChecks;
import io.openta.runtime.db.ColumnBatch;
import io.openta.runtime.db.Sql;
import io.openta.runtime.db.Withdrawals;

/**
 * Streams an accepted 01 or 03 file into its application table, field texts as written, with the record-local check
 * results, and records in {@code trd.inbox_file.imported} how many it wrote. Re-importing a file replaces its rows.
 */
public final class ApplicationWriter {
    private static final String INSERT_ACCOUNT_APPS = """
            INSERT INTO acct.account_app (biz_date, sender, file_name, record_no, serial, txn_date, txn_time,
              txn_account_id, distributor, business_code, indiv, serial_code, local_code)
            SELECT $1, $2, $3, * FROM unnest($4::text[]::int[], $5::text[], $6::text[], $7::text[], $8::text[],
              $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])""";

    private static final String INSERT_TRADE_APPS = """
            INSERT INTO trd.trade_app (biz_date, sender, file_name, batch, record_no, serial, txn_date, txn_time,
              txn_account_id, distributor, ta_account_text, business_code, fund_code, app_amount, app_vol,
              specification, serial_code, local_code)
            SELECT $1, $2, $3, $4, * FROM unnest($5::text[]::int[], $6::text[], $7::text[], $8::text[], $9::text[],
              $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[],
              $18::text[])""";

    private final Sql sql;
    private final String date;
    private final String fileName;
    private final OfdHeader header;

    public ApplicationWriter(Sql sql, String date, String fileName, OfdHeader header) {
        this.sql = sql;
        this.date = date;
        this.fileName = fileName;
        this.header = header;
    }

    public long write(OfdCheck check) throws IOException {
        boolean trades = header.type() == FileType.TRADE_APPLICATIONS;
        // the file's rows carry its sender (and batch), which the name fixes: the delete then reads the primary key's
        // range of this sender only, not every row the day's other files have written so far
        if (trades) {
            sql.update("DELETE FROM trd.trade_app WHERE biz_date = $1 AND batch = $2 AND sender = $3 AND file_name = $4",
                    date, header.batch(), header.sender(), fileName);
        } else {
            sql.update("DELETE FROM acct.account_app WHERE biz_date = $1 AND sender = $2 AND file_name = $3", date,
                    header.sender(), fileName);
        }
        ColumnBatch batch = trades
                ? new ColumnBatch(sql, INSERT_TRADE_APPS, 14, date, header.sender(), fileName, header.batch())
                : new ColumnBatch(sql, INSERT_ACCOUNT_APPS, 10, date, header.sender(), fileName);
        Withdrawals withdrawn = Withdrawals.of(sql, date);
        OfdReader.forEachRecord(check.file(), header, (no, r) -> {
            if (trades ? withdrawn.tradeApplication(r.text("DistributorCode"), r.text("TransactionAccountID"),
                    r.text("TAAccountID"))
                    : withdrawn.accountApplication(r.text("DistributorCode"), r.text("TransactionAccountID"))) {
                return; // withdrawn by an operator's rollback: as if the record were not in the file
            }
            if (trades) {
                addTrade(batch, no, r);
            } else {
                addAccount(batch, no, r);
            }
        });
        batch.flush();
        // what the file's rows count for TASerialNO (TaSerials), without counting the application table again
        sql.update("UPDATE trd.inbox_file SET imported = $3 WHERE biz_date = $1 AND file_name = $2", date, fileName,
                batch.total());
        return batch.total();
    }

    private void addTrade(ColumnBatch batch, long no, OfdRecord r) {
        String local = ApplicationChecks.tradeLocalCode(header.sender(), date, r.text("DistributorCode"),
                r.text("TransactionDate"), r.text("TransactionTime"), r.text("BusinessCode"));
        batch.add(no, r.text("AppSheetSerialNo"), r.text("TransactionDate"), r.text("TransactionTime"),
                r.text("TransactionAccountID"), r.text("DistributorCode"), r.text("TAAccountID"),
                r.text("BusinessCode"), r.text("FundCode"), r.text("ApplicationAmount"), r.text("ApplicationVol"),
                r.has("Specification") ? r.text("Specification") : "",
                ApplicationChecks.serialCode(r.text("AppSheetSerialNo")), local);
    }

    private void addAccount(ColumnBatch batch, long no, OfdRecord r) {
        String local = ApplicationChecks.accountLocalCode(header.sender(), date, r.text("DistributorCode"),
                r.text("TransactionDate"), r.text("TransactionTime"), r.text("TransactionAccountID"),
                r.text("BusinessCode"), r.text("IndividualOrInstitution"));
        batch.add(no, r.text("AppSheetSerialNo"), r.text("TransactionDate"), r.text("TransactionTime"),
                r.text("TransactionAccountID"), r.text("DistributorCode"), r.text("BusinessCode"),
                r.text("IndividualOrInstitution"), ApplicationChecks.serialCode(r.text("AppSheetSerialNo")), local);
    }
}
