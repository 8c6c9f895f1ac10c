package io.openta.fileimport.repository;

import io.openta.runtime.db.Sql;
import io.openta.runtime.db.Statistics;

/**
 * The day's check that spans files, set-based over all imported applications (only duplicates are written).
 * 0496: a distributor's AppSheetSerialNo seen before on T, over its 01 and 03 files of all batches in the order
 * (batch, 01 before 03, record order), compared as text; every record counts as an occurrence (spec 2.2).
 */
public final class SerialIndex {
    private SerialIndex() {
    }

    public static long build(Sql sql, String date) {
        Statistics.refresh(sql, "acct.account_app", "trd.trade_app");
        // only the (sender, serial) pairs seen more than once are ranked: a hash count over the day's records instead
        // of sorting them all for the window
        sql.materialize("duplicate", """
                WITH o AS MATERIALIZED (
                  SELECT 1 AS kind, sender, '000' AS batch, 0 AS type_order, record_no, serial
                    FROM acct.account_app WHERE biz_date = $1
                  UNION ALL
                  SELECT 3, sender, batch, 1, record_no, serial FROM trd.trade_app WHERE biz_date = $1)
                SELECT kind, sender, batch, record_no FROM (
                  SELECT kind, sender, batch, record_no, row_number() OVER (PARTITION BY sender, serial
                    ORDER BY batch, type_order, record_no) AS rn
                  FROM o WHERE (sender, serial) IN (SELECT sender, serial FROM o GROUP BY sender, serial
                                                    HAVING count(*) > 1)) r
                WHERE rn > 1""", date);
        long duplicates = sql.update("""
                UPDATE acct.account_app a SET dup = true FROM duplicate d
                WHERE d.kind = 1 AND a.biz_date = $1 AND a.sender = d.sender AND a.record_no = d.record_no""", date);
        duplicates += sql.update("""
                UPDATE trd.trade_app t SET dup = true FROM duplicate d
                WHERE d.kind = 3 AND t.biz_date = $1 AND t.sender = d.sender AND t.batch = d.batch
                  AND t.record_no = d.record_no""", date);
        return duplicates; // the records were counted by the file tasks
    }
}
