-- OpenTA schema, v1. Four schemas so that a deployment can place them in separate databases:
--   sched  scheduling: days, stages, shard tasks (the control plane)
--   acct   accounts and account applications
--   trd    inbox files, trade applications and their confirmations
--   clr    fund catalogue, quotes, positions (hash-partitioned by shard slot), moves and income
-- Every row a day writes carries its business date, so a day (or a stage of it) can be withdrawn
-- exactly; positions keep the close before the day that last changed them for the same reason.

CREATE SCHEMA IF NOT EXISTS sched;
CREATE SCHEMA IF NOT EXISTS acct;
CREATE SCHEMA IF NOT EXISTS trd;
CREATE SCHEMA IF NOT EXISTS clr;

-- ---------------------------------------------------------------- scheduling
CREATE TABLE sched.day (
    biz_date     char(8)     PRIMARY KEY,
    status       varchar(16) NOT NULL,   -- RUNNING PAUSED PUBLISHING COMPLETED FAILED STOPPED CANCELLED
    stage        varchar(32) NOT NULL,   -- the stage running (or last run)
    step         varchar(32) NOT NULL,   -- the step of that stage running
    inbox        text        NOT NULL,
    outbox       text        NOT NULL,
    request_id   varchar(64),
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    message      text
);

CREATE TABLE sched.task (
    biz_date     char(8)     NOT NULL,
    stage        varchar(32) NOT NULL,
    step         varchar(32) NOT NULL,
    shard        int         NOT NULL,
    shards       int         NOT NULL,
    status       varchar(16) NOT NULL,   -- DISPATCHED DONE FAILED
    attempts     int         NOT NULL DEFAULT 1,
    lease_until  timestamptz,
    not_before   timestamptz,
    records      bigint      NOT NULL DEFAULT 0,
    error        text,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (biz_date, stage, step, shard)
);

CREATE TABLE sched.stage_run (
    biz_date     char(8)     NOT NULL,
    stage        varchar(32) NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    records      bigint      NOT NULL DEFAULT 0,
    shards       int         NOT NULL DEFAULT 0,
    PRIMARY KEY (biz_date, stage)
);

CREATE TABLE sched.rollback_log (
    id           bigserial   PRIMARY KEY,
    biz_date     char(8)     NOT NULL,
    kind         varchar(16) NOT NULL,   -- DAY STAGE FILE ACCOUNT
    target       text        NOT NULL,
    done_by      text        NOT NULL,
    done_at      timestamptz NOT NULL DEFAULT now(),
    detail       text
);

-- ---------------------------------------------------------------- inbox files
CREATE TABLE trd.inbox_file (
    biz_date     char(8)     NOT NULL,
    file_name    text        NOT NULL,
    role         varchar(8)  NOT NULL,   -- PARAMS (07, C1: read by day-init) or IMPORT (the rest)
    seq          int         NOT NULL,   -- position among the day's files of its role, by name
    status       varchar(10) NOT NULL,   -- PENDING ACCEPTED REJECTED WITHDRAWN
    file_type    varchar(2),
    sender       varchar(9),
    batch        char(3),
    records      bigint,
    reason       varchar(10),
    detail       text,
    PRIMARY KEY (biz_date, file_name)
);

-- ---------------------------------------------------------------- funds
CREATE TABLE clr.fund (
    fund_code            varchar(6)   NOT NULL,
    effective_date       char(8)      NOT NULL,
    fund_name            text         NOT NULL,
    fund_type            char(2)      NOT NULL,   -- 01 money market, 02 NAV fund
    purchase_fee_rate    numeric(9,8) NOT NULL,
    redemption_fee_rate  numeric(9,8) NOT NULL,
    PRIMARY KEY (fund_code, effective_date)
);

CREATE TABLE clr.quote (
    biz_date        char(8)      NOT NULL,
    fund_code       varchar(6)   NOT NULL,
    nav             numeric(7,4) NOT NULL,
    income_per_10k  numeric(9,5) NOT NULL,        -- signed
    yield           numeric(9,5) NOT NULL,        -- signed
    fund_status     char(1)      NOT NULL,
    PRIMARY KEY (biz_date, fund_code)
);

-- ---------------------------------------------------------------- accounts
CREATE TABLE acct.account (
    ta_account_id   bigint      PRIMARY KEY,
    distributor     varchar(9)  NOT NULL,
    txn_account_id  varchar(17) NOT NULL,
    indiv           char(1)     NOT NULL,
    opened_date     char(8)     NOT NULL,
    slot            int         NOT NULL,          -- hash slot 0..1023 of the account
    UNIQUE (distributor, txn_account_id)
);
CREATE INDEX account_opened ON acct.account (opened_date);

-- records of accepted 01 files; raw field texts are kept as written (echoed in 02)
CREATE TABLE acct.account_app (
    biz_date        char(8)     NOT NULL,
    sender          varchar(9)  NOT NULL,
    record_no       int         NOT NULL,
    file_name       text        NOT NULL,
    serial          text        NOT NULL,
    txn_date        text        NOT NULL,
    txn_time        text        NOT NULL,
    txn_account_id  text        NOT NULL,
    distributor     text        NOT NULL,
    business_code   text        NOT NULL,
    indiv           text        NOT NULL,
    serial_code     char(4),                        -- 0139 when the serial is not digits
    local_code      char(4),                        -- first failing record-local check after 0496
    dup             boolean     NOT NULL DEFAULT false,  -- 0496
    return_code     char(4),                        -- set by clearing
    ta_account_id   bigint,                         -- set by clearing on success
    PRIMARY KEY (biz_date, sender, record_no)
);

-- ---------------------------------------------------------------- trades
CREATE TABLE trd.trade_app (
    biz_date        char(8)     NOT NULL,
    batch           char(3)     NOT NULL,
    sender          varchar(9)  NOT NULL,
    record_no       int         NOT NULL,
    file_name       text        NOT NULL,
    serial          text        NOT NULL,
    txn_date        text        NOT NULL,
    txn_time        text        NOT NULL,
    txn_account_id  text        NOT NULL,
    distributor     text        NOT NULL,
    ta_account_text text        NOT NULL,
    business_code   text        NOT NULL,
    fund_code       text        NOT NULL,
    app_amount      text        NOT NULL,
    app_vol         text        NOT NULL,
    serial_code     char(4),
    local_code      char(4),
    dup             boolean     NOT NULL DEFAULT false,
    ta_serial       bigint,                         -- TASerialNO number, set at import
    pre_code        char(4),                        -- result of the checks before the position, set by routing
    ta_account_id   bigint,                         -- resolved account, set by routing
    slot            int,                            -- hash slot of the account (or of the record), set by routing
    PRIMARY KEY (biz_date, batch, sender, record_no)
);
CREATE INDEX trade_app_slot ON trd.trade_app (biz_date, batch, slot);

CREATE TABLE trd.trade_cfm (
    biz_date        char(8)       NOT NULL,
    batch           char(3)       NOT NULL,
    sender          varchar(9)    NOT NULL,
    record_no       int           NOT NULL,
    slot            int           NOT NULL,
    ta_account_text text          NOT NULL,         -- as written in the 04 record
    business_code   text          NOT NULL,
    app_amount      numeric(16,2) NOT NULL,         -- echoed, 0 when not digits
    app_vol         numeric(16,2) NOT NULL,
    cfm_amount      numeric(16,2) NOT NULL,
    cfm_vol         numeric(16,2) NOT NULL,
    charge          numeric(10,2) NOT NULL,
    nav             numeric(7,4)  NOT NULL,
    return_code     char(4)       NOT NULL,
    PRIMARY KEY (biz_date, batch, sender, record_no)
);
CREATE INDEX trade_cfm_slot ON trd.trade_cfm (biz_date, batch, slot);

-- ---------------------------------------------------------------- positions
-- close is the position's shares after close_date; prev_close the shares before close_date.
-- Rolling back the latest day restores prev_close where close_date is that day.
CREATE TABLE clr.position (
    slot             int           NOT NULL,
    ta_account_id    bigint        NOT NULL,
    fund_code        varchar(6)    NOT NULL,
    distributor      varchar(9)    NOT NULL,
    txn_account_id   varchar(17)   NOT NULL,
    close            numeric(16,2) NOT NULL,
    close_date       char(8)       NOT NULL,
    prev_close       numeric(16,2) NOT NULL,
    prev_close_date  char(8)       NOT NULL,
    created_date     char(8)       NOT NULL,
    PRIMARY KEY (slot, ta_account_id, fund_code)
) PARTITION BY RANGE (slot);
CREATE TABLE clr.position_p0 PARTITION OF clr.position FOR VALUES FROM (0) TO (128);
CREATE TABLE clr.position_p1 PARTITION OF clr.position FOR VALUES FROM (128) TO (256);
CREATE TABLE clr.position_p2 PARTITION OF clr.position FOR VALUES FROM (256) TO (384);
CREATE TABLE clr.position_p3 PARTITION OF clr.position FOR VALUES FROM (384) TO (512);
CREATE TABLE clr.position_p4 PARTITION OF clr.position FOR VALUES FROM (512) TO (640);
CREATE TABLE clr.position_p5 PARTITION OF clr.position FOR VALUES FROM (640) TO (768);
CREATE TABLE clr.position_p6 PARTITION OF clr.position FOR VALUES FROM (768) TO (896);
CREATE TABLE clr.position_p7 PARTITION OF clr.position FOR VALUES FROM (896) TO (1024);
CREATE INDEX position_distributor ON clr.position (distributor, ta_account_id, fund_code);

-- net successful trades of one position in one clearing (batch 000 main, 001.. secondary)
CREATE TABLE clr.position_move (
    biz_date        char(8)       NOT NULL,
    batch           char(3)       NOT NULL,
    slot            int           NOT NULL,
    ta_account_id   bigint        NOT NULL,
    fund_code       varchar(6)    NOT NULL,
    purchased       numeric(18,2) NOT NULL,
    redeemed        numeric(18,2) NOT NULL,
    PRIMARY KEY (biz_date, batch, slot, ta_account_id, fund_code)
);

CREATE TABLE clr.income (
    biz_date        char(8)       NOT NULL,
    slot            int           NOT NULL,
    ta_account_id   bigint        NOT NULL,
    fund_code       varchar(6)    NOT NULL,
    distributor     varchar(9)    NOT NULL,
    eligible        numeric(16,2) NOT NULL,
    raw             numeric       NOT NULL,         -- exact e x u / 10000
    base            numeric(18,2) NOT NULL,         -- raw truncated toward zero
    income          numeric(18,2) NOT NULL,         -- base plus the residue cent, if any
    PRIMARY KEY (biz_date, slot, ta_account_id, fund_code)
);
CREATE INDEX income_distributor ON clr.income (biz_date, distributor);
