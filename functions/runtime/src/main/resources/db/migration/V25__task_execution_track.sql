-- The version and release track (openta.version, openta.track) of the process that ran each task's work: a mismatch
-- the verifier finds in a row is attributed through the task that wrote the row. Rows written before these columns
-- existed have none.
ALTER TABLE sched.task_execution ADD COLUMN version varchar(64), ADD COLUMN track varchar(16);
