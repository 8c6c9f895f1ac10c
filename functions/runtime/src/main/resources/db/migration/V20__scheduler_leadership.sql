-- One scheduler acts at a time. The leader holds a lease on the single row of sched.leader; each takeover raises
-- the epoch (the fencing token). Every scheduler write transaction first updates (renews) this row where the epoch
-- is its own and the lease unexpired, which locks it to the end of the transaction, so a scheduler that lost the
-- lease (paused, partitioned) cannot commit anything: a takeover's UPDATE waits for transactions that passed the
-- check, and transactions after it fail the check.
CREATE TABLE sched.leader (
    id           int         PRIMARY KEY CHECK (id = 1),
    epoch        bigint      NOT NULL,
    holder       text        NOT NULL,   -- host/pid/nonce of the holding scheduler process
    url          text,                   -- where its REST API answers (followers name it in their 503s)
    shards       int         NOT NULL,   -- the holder's shard count: a scheduler configured otherwise refuses to start
    lease_until  timestamptz NOT NULL,
    acquired_at  timestamptz NOT NULL DEFAULT now()
);

-- Fenced write transactions per epoch: after a takeover, an older epoch's count and last_at no longer move.
CREATE TABLE sched.leader_write (
    epoch        bigint      PRIMARY KEY,
    holder       text        NOT NULL,
    writes       bigint      NOT NULL DEFAULT 0,
    first_at     timestamptz NOT NULL DEFAULT now(),
    last_at      timestamptz NOT NULL DEFAULT now()
);

-- Each commit of a shard task's work, in the same transaction as the work: a task whose effect was applied twice
-- would have two rows here (the runner's DONE check is meant to make that impossible).
CREATE TABLE sched.task_execution (
    id           bigserial   PRIMARY KEY,
    biz_date     char(8)     NOT NULL,
    stage        varchar(32) NOT NULL,
    step         varchar(32) NOT NULL,
    shard        int         NOT NULL,
    attempt      int         NOT NULL,
    records      bigint      NOT NULL,
    executed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_execution_day ON sched.task_execution (biz_date, stage, step, shard);

-- Messages that could not be handled (unparseable, or failing every time): kept here, skipped, never looped.
CREATE TABLE sched.parked_message (
    id           bigserial   PRIMARY KEY,
    topic        text        NOT NULL,
    partition_no int,
    record_offset bigint,
    payload      text        NOT NULL,
    reason       text        NOT NULL,
    parked_at    timestamptz NOT NULL DEFAULT now()
);
