-- Exchange files v2 (spec v2).
-- * TAAccountID is text: the TA writes 12 digits for the accounts it opens, but a migrated register keeps the IDs
--   of the previous system (letters included, spec 2.2, 2.9). Ordering by TAAccountID is byte order, so the columns
--   carry the "C" collation and every ORDER BY, comparison and index on them is byte order without repeating it.
-- * FundType codes 01-04 (04 money market); C1 no longer carries fee rates (their columns go): fees come from C5
--   fee tables.
-- * Confirmations keep the matched RateFee (04 RateFee) and echo Specification.
-- Text taken from files is kept as "byte strings": each character is one byte of the file (ISO-8859-1 decoding),
-- so GBK text survives byte for byte and byte order equals "C" order of the stored characters.

DROP INDEX IF EXISTS clr.income_distributor;

ALTER TABLE acct.account ALTER COLUMN ta_account_id TYPE varchar(12) COLLATE "C"
    USING lpad(ta_account_id::text, 12, '0');
ALTER TABLE acct.account ALTER COLUMN distributor TYPE varchar(9) COLLATE "C";
ALTER TABLE acct.account ALTER COLUMN txn_account_id TYPE varchar(17) COLLATE "C";
ALTER TABLE acct.account ALTER COLUMN indiv TYPE varchar(1);
ALTER TABLE acct.account_app ALTER COLUMN ta_account_id TYPE varchar(12) COLLATE "C"
    USING lpad(ta_account_id::text, 12, '0');
ALTER TABLE trd.trade_app ALTER COLUMN ta_account_id TYPE varchar(12) COLLATE "C"
    USING lpad(ta_account_id::text, 12, '0');
ALTER TABLE clr.position ALTER COLUMN ta_account_id TYPE varchar(12) COLLATE "C"
    USING lpad(ta_account_id::text, 12, '0');
ALTER TABLE clr.position ALTER COLUMN distributor TYPE varchar(9) COLLATE "C";
ALTER TABLE clr.position ALTER COLUMN fund_code TYPE varchar(6) COLLATE "C";
ALTER TABLE clr.position_move ALTER COLUMN ta_account_id TYPE varchar(12) COLLATE "C"
    USING lpad(ta_account_id::text, 12, '0');
ALTER TABLE clr.position_move ALTER COLUMN fund_code TYPE varchar(6) COLLATE "C";
ALTER TABLE clr.income ALTER COLUMN ta_account_id TYPE varchar(12) COLLATE "C"
    USING lpad(ta_account_id::text, 12, '0');
ALTER TABLE clr.income ALTER COLUMN fund_code TYPE varchar(6) COLLATE "C";
ALTER TABLE clr.income ALTER COLUMN distributor TYPE varchar(9) COLLATE "C";
ALTER TABLE clr.income_fund ALTER COLUMN last_account TYPE varchar(12) COLLATE "C"
    USING lpad(last_account::text, 12, '0');
CREATE INDEX income_distributor ON clr.income (biz_date, distributor, ta_account_id, fund_code);

-- the 145 income-reduction records of a distributor's batch-000 04 file (spec 2.4) are read in TAAccountID order
-- from clr.income where income < 0; the 06 file reads income >= 0 (the same index serves both)

ALTER TABLE clr.fund DROP COLUMN purchase_fee_rate, DROP COLUMN redemption_fee_rate;
-- TASerialNO is numbered when the 04 files are written (spec 2.7 counts the 145 records): no stored number
ALTER TABLE trd.trade_app DROP COLUMN ta_serial;
ALTER TABLE clr.fund ALTER COLUMN fund_code TYPE varchar(6) COLLATE "C";

-- C5 fee tables (spec 2.1, 2.3): for every (fund, confirmation business code) that T's C5 records name, the table
-- becomes exactly those records from T on; seq is the place in file-name then record order.
CREATE TABLE clr.fee_rate (
    fund_code        varchar(6) COLLATE "C" NOT NULL,
    business_code    char(3)       NOT NULL,
    effective_date   char(8)       NOT NULL,
    seq              int           NOT NULL,
    method           char(1)       NOT NULL,   -- GetFeeRateMethod 0 fixed, 1 rate by amount; 2, 3 kept, not used
    lower_limit      numeric(16,2) NOT NULL,   -- AmountLowerLimit
    upper_limit      numeric(16,2) NOT NULL,   -- AmountUpperLimit, 0 = no upper limit
    rate             numeric(9,8)  NOT NULL,   -- RateFee
    constant_fee     numeric(16,2) NOT NULL,   -- ConstantFee
    min_fee          numeric(16,2) NOT NULL,   -- MinFee, 0 = none
    max_fee          numeric(16,2) NOT NULL,   -- MaxFee, 0 = none
    PRIMARY KEY (fund_code, business_code, effective_date, seq)
);

ALTER TABLE trd.trade_app ADD COLUMN specification text NOT NULL DEFAULT '';
ALTER TABLE trd.trade_cfm ADD COLUMN rate_fee numeric(9,8) NOT NULL DEFAULT 0;

-- Accounts and positions taken over from a previous TA's register (spec 2.9) are marked by their day's kind.
ALTER TABLE sched.day ADD COLUMN kind varchar(16) NOT NULL DEFAULT 'CLEARING';   -- CLEARING MIGRATION

-- Index files (spec 1.7): day-init records each OFI file (role INDEX) and, for every data file that no accepted
-- index of its sender lists, the INDEX detail that file import applies as the ninth whole-file check.
ALTER TABLE trd.inbox_file ADD COLUMN index_detail text;

-- The 145 records and the TASerialNO offsets read the (few) negative incomes of a day by distributor.
CREATE INDEX income_reduction ON clr.income (biz_date, distributor, ta_account_id, fund_code) WHERE income < 0;

-- Every text column of the four schemas in byte order ("C"): comparisons and joins between columns then never mix
-- collations, and ordering by any field as written is byte order (spec 1.3), whatever the database's default locale.
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT n.nspname AS s, c.relname AS t, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS typ
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname IN ('sched', 'acct', 'trd', 'clr') AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname <> 'flyway_schema_history'   -- Flyway holds it locked while it migrates
      AND a.attnum > 0 AND NOT a.attisdropped
      AND a.atttypid IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype)
      AND a.attcollation <> (SELECT oid FROM pg_collation WHERE collname = 'C' LIMIT 1)
  LOOP
    EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN %I TYPE %s COLLATE "C"', r.s, r.t, r.col, r.typ);
  END LOOP;
END $$;
