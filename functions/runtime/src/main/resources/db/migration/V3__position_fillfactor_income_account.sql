-- Every position with income changes its close each day: leave room in each page so that the update is a HOT
-- update (no index churn, no new page).
ALTER TABLE clr.position_p0 SET (fillfactor = 80);
ALTER TABLE clr.position_p1 SET (fillfactor = 80);
ALTER TABLE clr.position_p2 SET (fillfactor = 80);
ALTER TABLE clr.position_p3 SET (fillfactor = 80);
ALTER TABLE clr.position_p4 SET (fillfactor = 80);
ALTER TABLE clr.position_p5 SET (fillfactor = 80);
ALTER TABLE clr.position_p6 SET (fillfactor = 80);
ALTER TABLE clr.position_p7 SET (fillfactor = 80);

-- The 06 file names each earner's transaction account: keep it with the income, as the distributor is, so the
-- export reads one table.
ALTER TABLE clr.income ADD COLUMN txn_account_id varchar(17) NOT NULL DEFAULT '';
