-- Operator withdrawals: an input file or an account's applications taken out of a day by a rollback. The day's
-- stages skip them when the day is cleared again.
CREATE TABLE sched.withdrawal (
    biz_date        char(8)     NOT NULL,
    kind            varchar(8)  NOT NULL,   -- FILE ACCOUNT
    target          text        NOT NULL,   -- file name, or TAAccountID (12 digits)
    distributor     varchar(9),             -- ACCOUNT: the account's distributor and transaction account,
    txn_account_id  varchar(17),            --          kept because the account may itself be withdrawn
    done_by         text        NOT NULL,
    done_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (biz_date, kind, target)
);

-- Files a completed day published to its outbox, so that a rollback can withdraw exactly those.
CREATE TABLE sched.published_file (
    biz_date        char(8)     NOT NULL,
    file_name       text        NOT NULL,
    outbox          text        NOT NULL,
    PRIMARY KEY (biz_date, file_name)
);
