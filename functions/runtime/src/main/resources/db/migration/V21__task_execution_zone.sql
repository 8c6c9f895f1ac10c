-- The zone of the process that ran each task's work (openta.zone): the zone tests read the primary zone's share and
-- a failover's takeover from it. Rows written before this column existed have none.
ALTER TABLE sched.task_execution ADD COLUMN zone varchar(16);
