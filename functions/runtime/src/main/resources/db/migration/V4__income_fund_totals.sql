-- Per money-market fund and day: the fund total R, the residue cents k, and the last position (in the order of
-- spec 2.4 step 5) that gets one; the shard tasks then write each position's final income in one pass.
CREATE TABLE clr.income_fund (
    biz_date        char(8)       NOT NULL,
    fund_code       varchar(6)    NOT NULL,
    income_per_10k  numeric(9,5)  NOT NULL,
    total           numeric(18,2) NOT NULL,   -- R
    cents           bigint        NOT NULL,   -- |k|
    last_diff       numeric,                  -- the |k|-th position's |raw - base|, e and TAAccountID
    last_eligible   numeric(16,2),
    last_account    bigint,
    PRIMARY KEY (biz_date, fund_code)
);
