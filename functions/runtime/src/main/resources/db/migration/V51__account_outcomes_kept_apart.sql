-- Issue 13: an account application's outcome (return code, opened TAAccountID) is kept in acct.account_outcome alone.
-- Clearing no longer writes it back into every acct.account_app row: at 1,000,000 applications that UPDATE took
-- 4.2 s of statement time (pg_stat_statements, bench of 4 December), and it was the only reason the applications'
-- pages were left half empty (V42). The 02 files and verify read the outcomes here, by the primary key below; a
-- rollback of clearing deletes the day's.

-- the days cleared before V49 have their outcomes only in the applications: copy them over first
INSERT INTO acct.account_outcome (biz_date, sender, record_no, distributor, txn_account_id, indiv, code, ta_account_id)
SELECT a.biz_date, a.sender, a.record_no, a.distributor, a.txn_account_id, a.indiv, nullif(a.return_code, '0000'),
  a.ta_account_id
FROM acct.account_app a
WHERE a.return_code IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM acct.account_outcome o WHERE o.biz_date = a.biz_date);

ALTER TABLE acct.account_app DROP COLUMN return_code, DROP COLUMN ta_account_id;
-- new pages full again; the only update left is file-import's mark of a repeated serial (0496), a few rows a day
ALTER TABLE acct.account_app RESET (fillfactor);

-- a day's outcomes are written by one INSERT in one task, from a window ordered by sender then record
DROP INDEX acct.account_outcome_day;
ALTER TABLE acct.account_outcome ADD PRIMARY KEY (biz_date, sender, record_no);
