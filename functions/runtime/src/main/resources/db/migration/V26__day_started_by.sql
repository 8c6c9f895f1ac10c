-- Who started a day: the operator's authenticated principal, 'arrivals' when its expected files came in over SFTP,
-- 'cut-off' at the configured cut-off time (issue 11 item 2). Null for days started before this column existed and
-- for starts sent straight to Kafka (the local launcher's ./openta day).
ALTER TABLE sched.day ADD COLUMN started_by text;
