-- Issue 13: account opening's outcomes (spec 2.2) kept between its steps. The outcomes of all of the day's account
-- applications are decided in one pass (one task: the TAAccountIDs are one sequence over the day); the two writes that
-- follow, the new accounts and each application's return code, then run as two tasks at once instead of one after
-- the other in the same task. At 1,000,000 applications (psql, the 1M bench database) the two took 7.8-9.6 s one
-- after the other and 5.7-6.2 s at once; writing the outcomes here took 4.2-4.3 s, as long as the session's temporary
-- table it replaces (4.6 s). The routing waits for the accounts only; both writes finish before it starts.
CREATE TABLE acct.account_outcome (
    biz_date        char(8)     COLLATE "C" NOT NULL,
    sender          varchar(9)  COLLATE "C" NOT NULL,
    record_no       int         NOT NULL,
    distributor     text        COLLATE "C" NOT NULL,  -- as the application gave it (trimmed when the account is written)
    txn_account_id  text        COLLATE "C" NOT NULL,
    indiv           text        COLLATE "C" NOT NULL,
    code            char(4)     COLLATE "C",           -- the first failing check, NULL when the account is opened
    ta_account_id   varchar(12) COLLATE "C"            -- the opened account's number when code is NULL
);
-- a day's outcomes are written together (deciding again deletes the day's first), so a block range finds them once
-- it is summarised (by VACUUM, autovacuum's after inserts); ranges not yet summarised, the latest day's, are read whole
CREATE INDEX account_outcome_day ON acct.account_outcome USING brin (biz_date);
