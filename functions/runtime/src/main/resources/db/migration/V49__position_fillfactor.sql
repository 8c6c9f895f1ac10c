-- Share-adjust (and secondary clearing) update positions' close, close_date, prev_close and prev_close_date, none
-- of them indexed. With full pages each new row version goes to another page and both of the position's indexes (the
-- primary key and position_distributor) get a new entry; with half of each page left free the version stays on its
-- page (a HOT update, no index entry). Measured in psql at 1,000,000 accounts on one shard's 125,176 positions, in a
-- copy with both indexes, three days' updates: 1.89-1.97 s each at fillfactor 100 (none HOT; 55 MB after), 0.36-0.38 s
-- at 50 (356,964 of 375,528 HOT; 31 MB after); inserting them 1.26 s at 100, 1.18 s at 50. A partitioned table takes
-- no storage parameters, so each partition is set; pages written before this migration keep their fill until they
-- are rewritten.
ALTER TABLE clr.position_p0 SET (fillfactor = 50);
ALTER TABLE clr.position_p1 SET (fillfactor = 50);
ALTER TABLE clr.position_p2 SET (fillfactor = 50);
ALTER TABLE clr.position_p3 SET (fillfactor = 50);
ALTER TABLE clr.position_p4 SET (fillfactor = 50);
ALTER TABLE clr.position_p5 SET (fillfactor = 50);
ALTER TABLE clr.position_p6 SET (fillfactor = 50);
ALTER TABLE clr.position_p7 SET (fillfactor = 50);
