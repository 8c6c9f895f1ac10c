package io.openta.fileimport.repository;

import io.openta.runtime.db.Sql;

/**
 * The day's check that spans files, set-based over all imported applications (only duplicates are written).
 * 0496: a distributor's AppSheetSerialNo seen before on T, over its 01 and 03 files of all batches in the order
 * (batch, 01 before 03, record order), compared as text; every record counts as an occurrence (spec 2.2).
 */
public final class SerialIndex {
    private SerialIndex() {
    }

    /** Each record of the day's applications with its occurrence rank among its distributor's equal serials. */
    private static final String RANKED_OCCURRENCES = """
            WITH occurrence AS (
              SELECT 1 AS kind, sender, '000' AS batch, 0 AS type_order, record_no, serial
                FROM acct.account_app WHERE biz_date = $1
              UNION ALL
              SELECT 3, sender, batch, 1, record_no, serial FROM trd.trade_app WHERE biz_date = $1),
            ranked AS (
              SELECT kind, sender, batch, record_no, row_number() OVER (PARTITION BY sender, serial
                ORDER BY batch, type_order, record_no) AS rn FROM occurrence)
            """;

    public static long build(Sql sql, String date) {
        // fresh statistics after the bulk load, or the planner joins 10^5 rows by nested loops
        sql.exec("ANALYZE acct.account_app, trd.trade_app");
        long duplicates = sql.update(RANKED_OCCURRENCES + """
                UPDATE acct.account_app a SET dup = true FROM ranked r
                WHERE r.kind = 1 AND r.rn > 1 AND a.biz_date = $1 AND a.sender = r.sender AND a.record_no = r.record_no""", date);
        duplicates += sql.update(RANKED_OCCURRENCES + """
                UPDATE trd.trade_app t SET dup = true FROM ranked r
                WHERE r.kind = 3 AND r.rn > 1 AND t.biz_date = $1 AND t.sender = r.sender AND t.batch = r.batch
                  AND t.record_no = r.record_no""", date);
        return duplicates; // the records were counted by the file tasks
    }
}
