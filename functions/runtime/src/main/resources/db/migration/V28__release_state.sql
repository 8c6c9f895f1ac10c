-- The gray release (one row): the release step whose segment the canary track clears, as resolved from
-- segments.json when the step was set (so a file changed or broken later cannot move a release), and whether the
-- canary is aborted. No row, a null step or aborted: every task runs on the stable track.
CREATE TABLE sched.release (
    id          boolean     PRIMARY KEY DEFAULT true CHECK (id),
    step        varchar(64),
    segment     jsonb,
    aborted     boolean     NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text
);
