-- The 06 export reads a distributor's income in TAAccountID order: an index in that order spares the sort, and
-- spreads the shards' concurrent inserts over many leaf pages instead of one run of equal keys.
DROP INDEX clr.income_distributor;
CREATE INDEX income_distributor ON clr.income (biz_date, distributor, ta_account_id, fund_code);

-- The residue's last position is kept by its rank key: |raw - base| in units of 10^-11.
ALTER TABLE clr.income_fund ALTER COLUMN last_diff TYPE bigint USING (last_diff * 100000000000)::bigint;
