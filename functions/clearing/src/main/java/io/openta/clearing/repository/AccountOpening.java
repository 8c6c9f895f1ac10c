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

    private AccountOpening() {
    }

    public static long open(Sql sql, String date) {
        sql.update("""
                UPDATE acct.account_app SET ta_account_id = NULL,
                  return_code = coalesce(serial_code, CASE WHEN dup THEN '0496' END, local_code)
                WHERE biz_date = $1""", date);
        // 0392: an account for (DistributorCode, TransactionAccountID) exists, or an earlier record opens it today
        sql.materialize("account_taken", """
                SELECT sender, record_no FROM (
                  SELECT c.sender, c.record_no,
                    row_number() OVER (PARTITION BY rtrim(c.distributor), rtrim(c.txn_account_id)
                                       ORDER BY c.sender COLLATE "C", c.record_no) AS rn,
                    EXISTS (SELECT 1 FROM acct.account x WHERE x.distributor = rtrim(c.distributor)
                            AND x.txn_account_id = rtrim(c.txn_account_id)) AS existing
                  FROM acct.account_app c WHERE c.biz_date = $1 AND c.return_code IS NULL) d
                WHERE d.existing OR d.rn > 1""", date);
        sql.update("""
                UPDATE acct.account_app a SET return_code = '0392' FROM account_taken d
                WHERE a.biz_date = $1 AND a.sender = d.sender AND a.record_no = d.record_no""", date);
        sql.materialize("account_opened", """
                SELECT c.sender, c.record_no, lpad(((""" + LAST_NUMBER + """
                  ) + row_number() OVER (ORDER BY c.sender COLLATE "C", c.record_no))::text, 12, '0') AS id
                FROM acct.account_app c WHERE c.biz_date = $1 AND c.return_code IS NULL""", date);
        sql.update("""
                UPDATE acct.account_app a SET return_code = '0000', ta_account_id = n.id FROM account_opened n
                WHERE a.biz_date = $1 AND a.sender = n.sender AND a.record_no = n.record_no""", date);
        sql.update("""
                INSERT INTO acct.account (ta_account_id, distributor, txn_account_id, indiv, opened_date, slot)
                SELECT ta_account_id, rtrim(distributor), rtrim(txn_account_id), indiv, $1,
                  """ + SLOT_OF_ACCOUNT + """
                FROM acct.account_app WHERE biz_date = $1 AND return_code = '0000'""", date);
        return sql.one("SELECT count(*) AS n FROM acct.account_app WHERE biz_date = $1", date).getLong("n");
    }
}
