package io.openta.clearing.repository;

import io.openta.runtime.db.Sql;

/**
 * Account applications to confirmations (spec 2.2), set-based. Records are taken in order of the file's sender, then
 * record order; the first failing check gives the code; a success opens the next TAAccountID of the one sequence.
 * The sequence continues from the largest TAAccountID ever opened, so re-clearing a rolled-back day gives the same
 * numbers.
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
     * Every application's outcome in one pass: code NULL means opened, with its TAAccountID. The checks in order: the codes found
     * at import (0139, 0496, record-local); then 0392, an account for (DistributorCode, TransactionAccountID) exists,
     * or an earlier record still unrefused opens it today; then the next number. Each window is partitioned by
     * whether the record is still in the running, so it numbers and counts exactly the records the check sees.
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
     * One UPDATE of the day's applications and one INSERT of the accounts, from one materialised pass: each UPDATE of
     * every application writes every row anew, so the outcome is decided before the table is touched.
     */
    public static long open(Sql sql, String date) {
        sql.materialize("account_outcome", OUTCOMES, date);
        long records = sql.update("""
                UPDATE acct.account_app a SET return_code = coalesce(o.code, '0000'), ta_account_id = o.ta_account_id
                FROM account_outcome o
                WHERE a.biz_date = $1 AND a.sender = o.sender AND a.record_no = o.record_no""", date);
        sql.update("""
                INSERT INTO acct.account (ta_account_id, distributor, txn_account_id, indiv, opened_date, slot)
                SELECT ta_account_id, rtrim(distributor), rtrim(txn_account_id), indiv, $1,""" + SLOT_OF_ACCOUNT + """
                FROM account_outcome WHERE code IS NULL""", date);
        return records;
    }
}
