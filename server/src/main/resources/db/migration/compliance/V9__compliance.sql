-- Compliance (6.1.3): Statements of Applicability, one per framework, in approved, immutable versions.

CREATE TABLE soa_documents (
    id           UUID                     NOT NULL PRIMARY KEY,
    framework_id UUID                     NOT NULL REFERENCES frameworks (id),
    title        VARCHAR(300)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)              NOT NULL,
    CONSTRAINT soa_documents_framework_uq UNIQUE (framework_id)
);

CREATE TABLE soa_versions (
    id          UUID                     NOT NULL PRIMARY KEY,
    version     BIGINT                   NOT NULL,
    soa_id      UUID                     NOT NULL REFERENCES soa_documents (id),
    version_no  INT                      NOT NULL,
    status      VARCHAR(20)              NOT NULL,
    change_note VARCHAR(2000),
    editors     VARCHAR(2000)            NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(64)              NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(64)              NOT NULL,
    approved_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT soa_versions_no_uq UNIQUE (soa_id, version_no)
);

CREATE TABLE soa_entries (
    soa_version_id UUID          NOT NULL REFERENCES soa_versions (id),
    requirement_id UUID          NOT NULL,
    ref_id         VARCHAR(100),
    position       INT           NOT NULL,
    applicable     BOOLEAN,
    justification  VARCHAR(4000),
    status         VARCHAR(20),
    owner          VARCHAR(64),
    evidence       VARCHAR(4000),
    last_reviewed  DATE,
    PRIMARY KEY (soa_version_id, requirement_id)
);
