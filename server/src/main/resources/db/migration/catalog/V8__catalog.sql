-- Catalog (6.1.3): frameworks with their requirement nodes (built in or imported from CISO Assistant
-- libraries and OSCAL catalogs) and mappings between requirements of different frameworks.

CREATE TABLE frameworks (
    id               UUID                     NOT NULL PRIMARY KEY,
    urn              VARCHAR(300)             NOT NULL,
    framework_key    VARCHAR(200)             NOT NULL,
    ref_id           VARCHAR(200),
    name             VARCHAR(500)             NOT NULL,
    description      VARCHAR(10000),
    provider         VARCHAR(200),
    library_version  INT                      NOT NULL,
    source           VARCHAR(20)              NOT NULL,
    node_count       INT                      NOT NULL,
    assessable_count INT                      NOT NULL,
    control_count    INT                      NOT NULL,
    content_sha256   VARCHAR(64)              NOT NULL,
    imported_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by      VARCHAR(64)              NOT NULL,
    CONSTRAINT frameworks_version_uq UNIQUE (urn, library_version)
);
CREATE INDEX frameworks_key_idx ON frameworks (framework_key);

CREATE TABLE requirement_nodes (
    id           UUID           NOT NULL PRIMARY KEY,
    framework_id UUID           NOT NULL REFERENCES frameworks (id),
    position     INT            NOT NULL,
    urn          VARCHAR(400)   NOT NULL,
    ref_id       VARCHAR(100),
    name         VARCHAR(1000),
    description  VARCHAR(20000),
    parent_urn   VARCHAR(400),
    depth        INT            NOT NULL,
    assessable   BOOLEAN        NOT NULL,
    kind         VARCHAR(20)    NOT NULL,
    evidence     VARCHAR(4000),
    CONSTRAINT requirement_nodes_urn_uq UNIQUE (framework_id, urn)
);
CREATE INDEX requirement_nodes_position_idx ON requirement_nodes (framework_id, position);
CREATE INDEX requirement_nodes_ref_idx ON requirement_nodes (framework_id, ref_id);

CREATE TABLE mapping_sets (
    id                   UUID                     NOT NULL PRIMARY KEY,
    urn                  VARCHAR(300)             NOT NULL,
    name                 VARCHAR(500)             NOT NULL,
    source_framework_key VARCHAR(200)             NOT NULL,
    target_framework_key VARCHAR(200)             NOT NULL,
    library_version      INT                      NOT NULL,
    source               VARCHAR(20)              NOT NULL,
    link_count           INT                      NOT NULL,
    imported_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by          VARCHAR(64)              NOT NULL,
    CONSTRAINT mapping_sets_version_uq UNIQUE (urn, library_version)
);

CREATE TABLE requirement_mappings (
    mapping_set_id UUID          NOT NULL REFERENCES mapping_sets (id),
    position       INT           NOT NULL,
    source_key     VARCHAR(200)  NOT NULL,
    source_ref     VARCHAR(100)  NOT NULL,
    source_urn     VARCHAR(400)  NOT NULL,
    target_key     VARCHAR(200)  NOT NULL,
    target_ref     VARCHAR(100)  NOT NULL,
    target_urn     VARCHAR(400)  NOT NULL,
    relationship   VARCHAR(20)   NOT NULL,
    rationale      VARCHAR(1000),
    PRIMARY KEY (mapping_set_id, position)
);
CREATE INDEX requirement_mappings_source_idx ON requirement_mappings (source_key, source_ref);
CREATE INDEX requirement_mappings_target_idx ON requirement_mappings (target_key, target_ref);
