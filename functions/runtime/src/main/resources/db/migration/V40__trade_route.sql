-- Routing (issue 13): a clearing's routing of its applications (the code of the checks before the position, the
-- resolved account, the shard slot) is its own narrow table, written with one INSERT, instead of an UPDATE of every
-- trd.trade_app row: updating a wide row writes it again and inserts into each of its indexes, about ten times the
-- cost of inserting the routing (measured at 100,000 applications). The applications keep only what the files said.
CREATE TABLE trd.trade_route (
    biz_date        char(8)     COLLATE "C" NOT NULL,
    batch           char(3)     COLLATE "C" NOT NULL,
    sender          varchar(9)  COLLATE "C" NOT NULL,
    record_no       int         NOT NULL,
    pre_code        char(4)     COLLATE "C",          -- first failing check before the position, NULL when none
    ta_account_id   varchar(12) COLLATE "C",          -- the resolved account when pre_code is NULL
    slot            int         NOT NULL              -- the account's hash slot, or the record's own when refused
);
-- the shard tasks select their slots; routing a batch again deletes the batch first
CREATE INDEX trade_route_slot ON trd.trade_route (biz_date, batch, slot);

DROP INDEX trd.trade_app_slot;
ALTER TABLE trd.trade_app DROP COLUMN pre_code, DROP COLUMN ta_account_id, DROP COLUMN slot;
