package io.openta.trade.repository;

import io.openta.runtime.db.Sql;
import io.openta.runtime.db.Statistics;

/**
 * Routes one clearing's applications (a batch) to shards, set-based, into {@code trd.trade_route}. (TASerialNO is
 * numbered when the 04 files are written: spec v2 2.7 counts the income-reduction records, known only after profit.)
 * The checks that come before the position — 0139, 0496, the record-local ones, 0200 (fund in the catalogue),
 * 0009/0518 (account resolution) — give {@code pre_code}; an application that passes them gets its account and the
 * account's hash slot, so that every application of a position lands in one shard. Refused ones get a slot of their
 * own record, spreading them evenly.
 */
public final class TradeRouting {
    private TradeRouting() {
    }

    /**
     * Replaces the batch's routing with one INSERT (the applications are not updated: see V40). Each routing row
     * carries the application's fields the shard step confirms with (V45), so that the shards read their slots of
     * this table alone; the rows go in by slot, so that each shard reads its own pages, not a few rows of every
     * page. Routing touches the batch's applications once more; they are counted by the shard step, so
     * this counts none. Each account join's key is NULL where the other join applies (an application gives its
     * TAAccountID, or leaves it blank to be found by distributor and TransactionAccountID), so the planner does not
     * probe the accounts both ways for every application (at 1,000,000 applications the futile probes took about
     * half a second of the routing's 5.6-6.0 s query, measured in psql).
     */
    public static long route(Sql sql, String date, String batch) {
        return route(sql, date, batch, 0, 1);
    }

    /**
     * As {@link #route(Sql, String, String)}, the applications whose record number is {@code part} modulo
     * {@code parts} only, so that a clearing's routing can run as several tasks at once, each on its own core. Every
     * part reads the whole batch's applications and hashes all accounts; at 1,000,000 applications two parts at
     * once took 6.8-6.9 s against 8.1-8.4 s for the one statement (in psql, on 2 cores), so two is worth it on 2
     * cores and eight is not (see README, "routing in eight tasks").
     */
    public static long route(Sql sql, String date, String batch, int part, int parts) {
        sql.update("DELETE FROM trd.trade_route WHERE biz_date = $1 AND batch = $2 AND record_no % $3 = $4", date,
                batch, parts, part);
        sql.update("""
                INSERT INTO trd.trade_route (biz_date, batch, sender, record_no, pre_code, ta_account_id, slot,
                  business_code, fund_code, app_amount, app_vol, ta_account_text, distributor, txn_account_id,
                  txn_time, serial)
                SELECT biz_date, batch, sender, record_no, code, CASE WHEN code IS NULL THEN account_id END,
                  CASE WHEN code IS NULL THEN account_slot ELSE (hashtext(sender || record_no) & 1023) END,
                  business_code, fund_code, app_amount, app_vol, ta_account_text, distributor, txn_account_id,
                  txn_time, serial
                FROM (
                  SELECT t.biz_date, t.batch, t.sender, t.record_no, t.business_code, t.fund_code, t.app_amount,
                    t.app_vol, t.ta_account_text, t.distributor, t.txn_account_id, t.txn_time, t.serial,
                    CASE WHEN t.serial_code IS NOT NULL THEN t.serial_code
                         WHEN t.dup THEN '0496'
                         WHEN t.local_code IS NOT NULL THEN t.local_code
                         WHEN f.fund_code IS NULL THEN '0200'
                         WHEN rtrim(t.ta_account_text) <> '' AND given.ta_account_id IS NULL THEN '0009'
                         WHEN rtrim(t.ta_account_text) <> '' AND (given.distributor <> rtrim(t.distributor)
                              OR given.txn_account_id <> rtrim(t.txn_account_id)) THEN '0518'
                         WHEN rtrim(t.ta_account_text) = '' AND looked_up.ta_account_id IS NULL THEN '0009'
                    END AS code,
                    coalesce(given.ta_account_id, looked_up.ta_account_id) AS account_id,
                    coalesce(given.slot, looked_up.slot) AS account_slot
                  FROM trd.trade_app t
                  LEFT JOIN """ + FundCatalogue.CATALOGUE_ON + """
                     f ON f.fund_code = rtrim(t.fund_code)
                  LEFT JOIN acct.account given ON given.ta_account_id = nullif(rtrim(t.ta_account_text), '')
                  LEFT JOIN acct.account looked_up
                       ON looked_up.distributor = CASE WHEN rtrim(t.ta_account_text) = '' THEN rtrim(t.distributor) END
                       AND looked_up.txn_account_id = rtrim(t.txn_account_id)
                  WHERE t.biz_date = $1 AND t.batch = $2 AND t.record_no % $3 = $4) r
                ORDER BY 7""", date, batch, parts, part);
        // the shards select by slot: let the planner know how the slots fell
        Statistics.refresh(sql, "trd.trade_route");
        return 0;
    }
}
