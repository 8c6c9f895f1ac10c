-- Issue 13: how many application rows an accepted 01 or 03 file's import wrote (its records less any an operator
-- withdrew). TASerialNO numbering (TaSerials) counts the 04 records before each distributor's file: it summed
-- them from trd.trade_app, a scan of the day's applications for each distributor (0.2 s each at 1,000,000
-- applications, in psql); it now sums this column over the day's few files. NULL until the file is imported.
ALTER TABLE trd.inbox_file ADD COLUMN imported bigint;
