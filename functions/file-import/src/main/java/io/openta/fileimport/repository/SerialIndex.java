package io.openta.fileimport.repository;

import io.openta.runtime.db.Sql;
import io.openta.runtime.db.Statistics;

/**
 * The day's check that spans files, set-based over all imported applications (only duplicates are written).
 * 0496: a distributor's AppSheetSerialNo seen before on T, over its 01 and 03 files of all batches in the order
 * (batch, 01 before 03, record order), compared as text; every record counts as an occurrence (spec 2.2).
 */
public final class SerialIndex {
    /** A record's (sender, serial) pair as one bigint; the separator keeps ("A", "BC") apart from ("AB", "C"). */
    private static final String PAIR_HASH = "hashtextextended(sender || '|' || serial, 0)";

    private SerialIndex() {
    }

    public static long build(Sql sql, String date) {
        Statistics.refresh(sql, "acct.account_app", "trd.trade_app");
        // Only the (sender, serial) pairs seen more than once are ranked. They are found by a 64-bit hash of the pair,
        // counted by sorting: a hash aggregate of the day's two million distinct text pairs took 4.2 s, mostly
        // building its table; sorting the hashes in parallel workers took 1.4 s (1M openings and 1M purchases, in
        // psql). Two pairs that share a hash only add a candidate: the ranking is by the pair itself, so a pair seen
        // once is still ranked first and stays unmarked.
        sql.exec("SET LOCAL enable_hashagg = off");
        sql.exec("SET LOCAL work_mem = '256MB'");
        sql.materialize("duplicate", """
                WITH seen_twice AS MATERIALIZED (
                  SELECT h FROM (
                    SELECT %1$s AS h FROM acct.account_app WHERE biz_date = $1
                    UNION ALL
                    SELECT %1$s FROM trd.trade_app WHERE biz_date = $1) a
                  GROUP BY h HAVING count(*) > 1)
                SELECT kind, sender, batch, record_no FROM (
                  SELECT kind, sender, batch, record_no, row_number() OVER (PARTITION BY sender, serial
                    ORDER BY batch, type_order, record_no) AS rn
                  FROM (SELECT 1 AS kind, sender, '000' AS batch, 0 AS type_order, record_no, serial
                          FROM acct.account_app WHERE biz_date = $1 AND %1$s IN (SELECT h FROM seen_twice)
                        UNION ALL
                        SELECT 3, sender, batch, 1, record_no, serial FROM trd.trade_app
                          WHERE biz_date = $1 AND %1$s IN (SELECT h FROM seen_twice)) o) r
                WHERE rn > 1""".formatted(PAIR_HASH), date);
        sql.exec("RESET enable_hashagg");
        sql.exec("RESET work_mem");
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
