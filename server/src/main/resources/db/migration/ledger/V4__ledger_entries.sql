-- The tamper-evident ledger (7.5.3, A.6.2.8). Insert-only: the code has no UPDATE or DELETE path for
-- entries or checkpoints, and on PostgreSQL triggers refuse them (db/vendor/postgresql).

-- One row per recorded event. The constraints make the database itself refuse a fork (two entries
-- after the same predecessor: the primary key on seq with the check, and unique prev_hash) or a gap
-- (an entry whose predecessor is missing: the foreign key). That each prev_hash is its predecessor's
-- hash is what verification checks, with every other hash.
CREATE TABLE ledger_entries (
    seq            BIGINT                   NOT NULL PRIMARY KEY,
    prev_seq       BIGINT,
    event_id       UUID                     NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(64)              NOT NULL,
    actor_token    UUID,
    event_type     VARCHAR(100)             NOT NULL,
    subject_type   VARCHAR(50)              NOT NULL,
    subject_id     VARCHAR(100)             NOT NULL,
    payload_digest VARCHAR(64)              NOT NULL,
    payload        VARCHAR(65536),
    prev_hash      VARCHAR(64)              NOT NULL,
    entry_hash     VARCHAR(64)              NOT NULL,
    CONSTRAINT ledger_entries_event_uq UNIQUE (event_id),
    CONSTRAINT ledger_entries_prev_hash_uq UNIQUE (prev_hash),
    CONSTRAINT ledger_entries_chain_ck CHECK ((seq = 1 AND prev_seq IS NULL) OR (seq > 1 AND prev_seq = seq - 1)),
    CONSTRAINT ledger_entries_prev_fk FOREIGN KEY (prev_seq) REFERENCES ledger_entries (seq)
);
CREATE INDEX ledger_entries_subject_idx ON ledger_entries (subject_type, subject_id, seq);

-- The chain head: the one row every append locks, so appends from any number of nodes form one chain.
CREATE TABLE ledger_head (
    id         INT         NOT NULL PRIMARY KEY,
    seq        BIGINT      NOT NULL,
    entry_hash VARCHAR(64) NOT NULL,
    CONSTRAINT ledger_head_single_ck CHECK (id = 1)
);
INSERT INTO ledger_head (id, seq, entry_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Signed tree heads, made in batches. The frontier (roots of the perfect subtrees) lets the next
-- checkpoint extend the tree without rehashing it.
CREATE TABLE ledger_checkpoints (
    tree_size  BIGINT                   NOT NULL PRIMARY KEY,
    root_hash  VARCHAR(64)              NOT NULL,
    signed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id     VARCHAR(16)              NOT NULL,
    signature  VARCHAR(200)             NOT NULL,
    frontier   VARCHAR(8000)            NOT NULL
);

-- The public keys checkpoints are signed with.
CREATE TABLE ledger_keys (
    key_id     VARCHAR(16)              NOT NULL PRIMARY KEY,
    public_key VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
