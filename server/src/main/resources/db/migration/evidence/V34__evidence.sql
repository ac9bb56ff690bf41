-- Evidence (7.5, A.4.6): evidence items (files in versions, links, references to records, notes) with
-- the period they prove, when they were received and how long they stay valid; what they are linked to;
-- and competence records (7.2) that point to their evidence.

CREATE TABLE evidence_items (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    kind            VARCHAR(10)              NOT NULL,
    title           VARCHAR(300)             NOT NULL,
    description     VARCHAR(4000),
    owner           VARCHAR(64)              NOT NULL,
    url             VARCHAR(2000),
    record_type     VARCHAR(40),
    record_id       VARCHAR(64),
    effective_from  DATE,
    effective_to    DATE,
    received_on     DATE                     NOT NULL,
    valid_until     DATE,
    -- valid_until, or 9999-12-31 for evidence without expiry: what lists sort "soonest to expire" by
    expires_on      DATE                     NOT NULL,
    -- the valid_until date whose passing was announced (EvidenceExpired), so it is announced once
    expiry_noticed  DATE,
    current_version INT                      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)              NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(64)              NOT NULL
);

CREATE INDEX evidence_items_updated_ix ON evidence_items (updated_at, id);
CREATE INDEX evidence_items_title_ix ON evidence_items (title, id);
CREATE INDEX evidence_items_expires_ix ON evidence_items (expires_on, id);
CREATE INDEX evidence_items_received_ix ON evidence_items (received_on, id);
CREATE INDEX evidence_items_owner_ix ON evidence_items (owner, updated_at, id);

-- A file's versions: a new file is a new version; old ones stay readable. The bytes are in the
-- content-addressed store under their SHA-256.
CREATE TABLE evidence_versions (
    evidence_id UUID                     NOT NULL REFERENCES evidence_items (id),
    version_no  INT                      NOT NULL,
    sha256      CHAR(64)                 NOT NULL,
    size_bytes  BIGINT                   NOT NULL,
    file_name   VARCHAR(255)             NOT NULL,
    media_type  VARCHAR(120)             NOT NULL,
    note        VARCHAR(1000),
    added_by    VARCHAR(64)              NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (evidence_id, version_no)
);

CREATE INDEX evidence_versions_sha_ix ON evidence_versions (sha256);

-- What an item proves something about: a requirement or control of any framework (its id), an AI
-- system (its id) or a record of another module ("type:id").
CREATE TABLE evidence_links (
    evidence_id UUID         NOT NULL REFERENCES evidence_items (id),
    target_type VARCHAR(20)  NOT NULL,
    target_id   VARCHAR(110) NOT NULL,
    PRIMARY KEY (evidence_id, target_type, target_id)
);

CREATE INDEX evidence_links_target_ix ON evidence_links (target_type, target_id, evidence_id);

CREATE TABLE competences (
    id          UUID                     NOT NULL PRIMARY KEY,
    version     BIGINT                   NOT NULL,
    person      VARCHAR(64)              NOT NULL,
    area        VARCHAR(30)              NOT NULL,
    role_detail VARCHAR(300),
    competence  VARCHAR(2000)            NOT NULL,
    evidence_id UUID REFERENCES evidence_items (id),
    valid_until DATE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(64)              NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(64)              NOT NULL
);

CREATE INDEX competences_person_ix ON competences (person, area, valid_until);
CREATE INDEX competences_updated_ix ON competences (updated_at, id);
CREATE INDEX competences_valid_until_ix ON competences (valid_until, id);
CREATE INDEX competences_evidence_ix ON competences (evidence_id);
