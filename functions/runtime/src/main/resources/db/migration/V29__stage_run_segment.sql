-- The release step and segment a stage run was dispatched with: taken when the stage starts and kept for all its
-- steps, so a step change applies at a stage boundary only. Null: the stage ran on the stable track only.
ALTER TABLE sched.stage_run ADD COLUMN release_step varchar(64), ADD COLUMN segment jsonb;
