-- Issue 13: the trades shards read their applications from the routing alone. Joined back to trd.trade_app by key,
-- each shard hashed the whole clearing's applications (at 1,000,000 accounts: eight shards, eight hashes of 1,000,000
-- wide rows, about 5 s of CPU each, half the shard's time) or, by index, made as many random reads of wide rows.
-- Routing reads every application once anyway, so it now carries the fields a shard confirms with, as imported.
ALTER TABLE trd.trade_route
  ADD COLUMN business_code   text,
  ADD COLUMN fund_code       text,
  ADD COLUMN app_amount      text,
  ADD COLUMN app_vol         text,
  ADD COLUMN ta_account_text text,
  ADD COLUMN distributor     text,
  ADD COLUMN txn_account_id  text,
  ADD COLUMN txn_time        text,
  ADD COLUMN serial          text;

-- routings written before this version (a clearing stopped between its route and trades steps) get theirs too
UPDATE trd.trade_route r SET business_code = t.business_code, fund_code = t.fund_code, app_amount = t.app_amount,
  app_vol = t.app_vol, ta_account_text = t.ta_account_text, distributor = t.distributor,
  txn_account_id = t.txn_account_id, txn_time = t.txn_time, serial = t.serial
FROM trd.trade_app t
WHERE t.biz_date = r.biz_date AND t.batch = r.batch AND t.sender = r.sender AND t.record_no = r.record_no;
