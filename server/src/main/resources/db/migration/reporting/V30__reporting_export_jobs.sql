-- Exports too large to build while the client waits (an XLSX of more than 10,000 rows) are built by
-- a background job; the client follows its progress and downloads the file when it is ready.
CREATE TABLE export_jobs (
    id          UUID                     NOT NULL PRIMARY KEY,
    owner       VARCHAR(64)              NOT NULL,
    name        VARCHAR(100)             NOT NULL,
    format      VARCHAR(10)              NOT NULL,
    status      VARCHAR(20)              NOT NULL,
    rows_total  BIGINT                   NOT NULL,
    rows_done   BIGINT                   NOT NULL,
    file_size   BIGINT,
    error       VARCHAR(500),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX export_jobs_owner_idx ON export_jobs (owner, created_at);
