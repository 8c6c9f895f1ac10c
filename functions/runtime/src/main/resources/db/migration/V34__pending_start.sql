-- Days whose expected files came in while another day was open (issue 11 item 2): the leading scheduler starts the
-- earliest of them, as started by 'arrivals', once no day is open, then forgets it (PendingStarts).
CREATE TABLE sched.pending_start (
    biz_date   char(8)     PRIMARY KEY,
    started_by text        NOT NULL,
    noted_at   timestamptz NOT NULL DEFAULT now()
);
