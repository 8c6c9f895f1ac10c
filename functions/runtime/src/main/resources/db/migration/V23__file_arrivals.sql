-- The access layer's record of files that arrived over SFTP: one row per completed upload (a file uploaded again
-- under the same name gets a row of its own; the inbox keeps the last one). Written by the access app after the
-- file was renamed into the inbox of its business date.
CREATE SCHEMA IF NOT EXISTS access;

CREATE TABLE access.file_arrival (
    id           bigserial   PRIMARY KEY,
    biz_date     char(8)     NOT NULL,   -- the date of the file name: the inbox folder it landed in
    sender       varchar(9)  NOT NULL,   -- the sender of the file name (the uploading user's code)
    user_name    text        NOT NULL,   -- the SFTP user that uploaded it
    file_name    text        NOT NULL,
    file_type    varchar(2)  NOT NULL,   -- 01 03 07 C1 C5, or IX for an index file
    size_bytes   bigint      NOT NULL,
    sha256       char(64)    NOT NULL,
    arrived_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX file_arrival_day ON access.file_arrival (biz_date, sender);
