package io.openta.trade.repository;

import io.openta.runtime.db.Sql;
import io.openta.runtime.db.Statistics;

/**
 * Account applications to confirmations (spec 2.2), set-based. Records are taken in order of the file's sender, then
 * record order; the first failing check gives the code; a success opens the next TAAccountID of the one sequence.
 * The sequence continues from the largest TAAccountID ever opened, so re-clearing a rolled-back day gives the same
 * numbers. One task ({@link #open}: the TAAccountIDs are one sequence over the day) writes every application's
 * outcome to {@code acct.account_outcome}, then the accounts it opens. The applications stay as imported: the 02
 * files and verify read the outcomes there, and a rollback of clearing deletes them (V51).
 */
public final class AccountOpening {
    /**
     * The TAAccountID sequence: the largest ID of any account that is 12 digits (opened here, or migrated, spec 2.9),
     * 0 when there is none; the next account gets one more, written as 12 digits.
     */
    public static final String LAST_NUMBER = """
            SELECT coalesce((SELECT ta_account_id::bigint FROM acct.account WHERE ta_account_id ~ '^[0-9]{12}$'
              ORDER BY ta_account_id DESC LIMIT 1), 0)""";
    /** The hash slot of an account (0..1023), from its TAAccountID text. */
    public static final String SLOT_OF_ACCOUNT = " hashtext(ta_account_id) & 1023 ";

    /**
     * Every application's outcome in one pass: code NULL means opened, with its TAAccountID. The checks in order:
     * the codes found at import (0139, 0496, record-local); then 0392, an account for (DistributorCode,
     * TransactionAccountID) exists, or an earlier record still unrefused opens it today; then the next number. Each
     * window is partitioned by whether the record is still in the running, so it numbers and counts exactly the
     * records the check sees.
     */
    private static final String OUTCOMES = """
            WITH imported AS (
              SELECT sender, record_no, distributor, txn_account_id, indiv,
                coalesce(serial_code, CASE WHEN dup THEN '0496' END, local_code) AS code
              FROM acct.account_app WHERE biz_date = $1),
            taken AS (
              SELECT sender, record_no, distributor, txn_account_id, indiv,
                CASE WHEN code IS NOT NULL THEN code
                     WHEN row_number() OVER (PARTITION BY code IS NULL, rtrim(distributor), rtrim(txn_account_id)
                                             ORDER BY sender COLLATE "C", record_no) > 1
                       OR EXISTS (SELECT 1 FROM acct.account x WHERE x.distributor = rtrim(i.distributor)
                                  AND x.txn_account_id = rtrim(i.txn_account_id)) THEN '0392'
                END AS code
              FROM imported i)
            SELECT sender, record_no, distributor, txn_account_id, indiv, code,
              CASE WHEN code IS NULL THEN lpad(((""" + LAST_NUMBER + """
                ) + row_number() OVER (PARTITION BY code IS NULL ORDER BY sender COLLATE "C", record_no))::text, 12, '0')
              END AS ta_account_id
            FROM taken""";

    private AccountOpening() {
    }

    /**
     * Decides every application's outcome in one pass and keeps it in {@code acct.account_outcome}, replacing the
     * day's earlier outcomes, then opens the accounts they give. Returns the applications decided.
     */
    public static long open(Sql sql, String date) {
        long records = decide(sql, date);
        openAccounts(sql, date);
        return records;
    }

    /**
     * Writes every application's outcome, replacing the day's earlier ones. Deciding again gives the same outcomes
     * only while nothing of the day is opened, which {@link #open} keeps by opening in the same transaction.
     */
    private static long decide(Sql sql, String date) {
        sql.update("DELETE FROM acct.account_outcome WHERE biz_date = $1", date);
        long records = sql.update("""
                INSERT INTO acct.account_outcome (biz_date, sender, record_no, distributor, txn_account_id, indiv, code,
                  ta_account_id)
                SELECT $1::bpchar, sender, record_no, distributor, txn_account_id, indiv, code, ta_account_id
                FROM (""" + OUTCOMES + ") o", date);
        Statistics.refresh(sql, "acct.account_outcome");
        return records;
    }

    /** Opens the accounts the day's outcomes give (one INSERT); the routing that follows looks them up. */
    private static long openAccounts(Sql sql, String date) {
        return sql.update("""
                INSERT INTO acct.account (ta_account_id, distributor, txn_account_id, indiv, opened_date, slot)
                SELECT ta_account_id, rtrim(distributor), rtrim(txn_account_id), indiv, $1,""" + SLOT_OF_ACCOUNT + """
                FROM acct.account_outcome WHERE biz_date = $1 AND code IS NULL""", date);
    }
}
