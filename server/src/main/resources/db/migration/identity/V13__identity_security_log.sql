-- The security log: failed and successful sign-ins, bad API tokens, refused requests, lockouts.
-- Kept apart from the ledger (the management system's record), with a retention period; repeats of
-- the same event within a few minutes are counted on one row ("37 failed sign-ins for x in 5 min").
CREATE TABLE security_log (
    id          UUID                     NOT NULL PRIMARY KEY,
    kind        VARCHAR(40)              NOT NULL,
    subject     VARCHAR(100),
    client      VARCHAR(64),
    detail      VARCHAR(500)             NOT NULL,
    occurrences INT                      NOT NULL,
    first_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX security_log_last_idx ON security_log (last_at, id);
CREATE INDEX security_log_burst_idx ON security_log (kind, subject, client, last_at);

-- Failed sign-ins per attempted account name and per client address, for throttling (growing delay,
-- then a temporary lockout). Shared by every node through the database.
CREATE TABLE sign_in_throttle (
    id               UUID                     NOT NULL PRIMARY KEY,
    key_type         VARCHAR(10)              NOT NULL,
    key_value        VARCHAR(100)             NOT NULL,
    failures         INT                      NOT NULL,
    first_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sign_in_throttle_key_uq UNIQUE (key_type, key_value)
);
CREATE INDEX sign_in_throttle_locked_idx ON sign_in_throttle (locked_until);
