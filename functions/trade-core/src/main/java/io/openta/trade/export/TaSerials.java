package io.openta.trade.export;

import io.openta.model.rules.Numbers12;
import io.openta.runtime.db.Sql;

/**
 * TASerialNO (spec v2 2.7): T followed by a 12-digit number, numbered from 1 each day over every 04 record of the
 * day in order of batch, then distributor, then the record's place in its file. A batch-000 file holds the
 * distributor's applications and then its income-reduction (145) records, so the numbers of batch 000 are known only
 * after profit, and each file's first number is the count of the 04 records before it.
 */
public final class TaSerials {
    private TaSerials() {
    }

    public static String format(String date, long number) {
        return date + Numbers12.of(number);
    }

    /**
     * The number of the first record of {@code distributor}'s 04 file of {@code batch}. The applications before it are
     * the rows the accepted 03 files before it wrote ({@code imported}, kept by file import), not counted again. A
     * file imported before V48 (an upgrade between a day's file import and its export) has no count: its rows are
     * counted in {@code trd.trade_app}, and only its.
     */
    public static long first(Sql sql, String date, String batch, String distributor) {
        long before = sql.one("""
                SELECT (SELECT coalesce(sum(coalesce(f.imported, (SELECT count(*) FROM trd.trade_app t
                          WHERE t.biz_date = f.biz_date AND t.batch = f.batch AND t.sender = f.sender
                            AND t.file_name = f.file_name))), 0)
                        FROM trd.inbox_file f
                        WHERE f.biz_date = $1 AND f.status = 'ACCEPTED' AND f.file_type = '03'
                          AND (f.batch < $2 OR (f.batch = $2 AND f.sender < $3 COLLATE "C")))
                     + (SELECT count(*) FROM clr.income
                        WHERE biz_date = $1 AND income < 0 AND ($2 > '000' OR distributor < $3)) AS n""",
                date, batch, distributor).getLong("n");
        return before + 1;
    }
}
