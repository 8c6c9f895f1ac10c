-- Issue 13: account opening writes each application's outcome (return code, TAAccountID) as a narrow row of its own
-- table instead of updating the wide application row. The UPDATE of every application of the day was the larger
-- part of the accounts task: at 1,000,000 applications 6.9 s of the task's 12 s, against about 2 s to insert the
-- outcomes (the same trade as trd.trade_route, V40). The applications keep only what the files said; the 02 files,
-- verify and rollback read the outcome here.
CREATE TABLE acct.account_cfm (
    biz_date        char(8)     COLLATE "C" NOT NULL,
    sender          varchar(9)  COLLATE "C" NOT NULL,
    record_no       int         NOT NULL,
    return_code     char(4)     COLLATE "C" NOT NULL,
    ta_account_id   varchar(12) COLLATE "C",          -- the account opened, when return_code is 0000
    PRIMARY KEY (biz_date, sender, record_no)
);

INSERT INTO acct.account_cfm (biz_date, sender, record_no, return_code, ta_account_id)
SELECT biz_date, sender, record_no, return_code, ta_account_id FROM acct.account_app WHERE return_code IS NOT NULL;

ALTER TABLE acct.account_app DROP COLUMN return_code, DROP COLUMN ta_account_id;
-- nothing updates the applications in bulk any more (V42 left half of each page free for that update)
ALTER TABLE acct.account_app SET (fillfactor = 100);
