-- Issue 13: a confirmation's second index, (biz_date, batch, slot), served one statement only: a trades shard's
-- delete of its own earlier confirmations before it writes them (a retry's). Every confirmation paid for it on insert
-- (at 1,000,000 accounts, 125,000 per shard: 1.1-1.6 s with it, 0.7 s without, measured in psql). Without it the
-- delete reads, through the primary key's (biz_date, batch) prefix, the rows the clearing's shards have written so
-- far (at most the clearing's confirmations, once per shard).
DROP INDEX IF EXISTS trd.trade_cfm_slot;
