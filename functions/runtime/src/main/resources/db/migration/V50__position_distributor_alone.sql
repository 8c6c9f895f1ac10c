-- Issue 13: the positions' distributor index on the distributor alone. On (distributor, ta_account_id, fund_code) a
-- clearing shard's new positions, written in slot order, landed all over the index: at 1,000,000 new positions the
-- INSERT took 6.4-7.0 s with it against 2.0 s without it (psql, the 1M bench database, fillfactor 50 as V44). On the
-- distributor alone, equal keys are kept in row order, so the shard's positions go in at the end of each
-- distributor's run: 3.05 s, and the index is 6.4 MB instead of 50 MB. Its readers keep their plans: the 05 file's
-- query already took the distributor's positions by bitmap and sorted them (0.19-0.20 s against 0.21-0.23 s per
-- distributor of 100,000), and the walk from one distributor to the next (Recipients) needs the leading column only.
DROP INDEX clr.position_distributor;
CREATE INDEX position_distributor ON clr.position (distributor);
