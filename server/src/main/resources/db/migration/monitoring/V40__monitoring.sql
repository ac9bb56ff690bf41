-- Operational monitoring (issue 16): accepted event batches (each one ledger entry carrying the
-- batch's Merkle root; the leaf hashes stay when event bodies are purged), per-system watermark and
-- retention, monitoring rules with their state, incidents with their timeline, affected systems and
-- reporting obligations, the reporting rules per jurisdiction and role, and the scheduler's lock.
-- The events themselves are in V41 (partitioned by time on PostgreSQL).

CREATE TABLE event_batches (
    id               UUID                     PRIMARY KEY,
    client_batch_id  VARCHAR(200)             NOT NULL UNIQUE,
    content_digest   VARCHAR(64)              NOT NULL,
    events           INTEGER                  NOT NULL,
    late_events      INTEGER                  NOT NULL,
    merkle_root      VARCHAR(64)              NOT NULL,
    leaves           BYTEA                    NOT NULL,
    first_event_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_event_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    systems          VARCHAR(4000)            NOT NULL,
    channel          VARCHAR(16)              NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    received_by      VARCHAR(64)              NOT NULL,
    ledger_event_id  UUID                     NOT NULL
);
CREATE INDEX event_batches_received ON event_batches (received_at, id);

CREATE TABLE monitoring_systems (
    ai_system_id     UUID                     PRIMARY KEY,
    max_event_at     TIMESTAMP WITH TIME ZONE,
    retention_days   INTEGER                  NOT NULL,
    purged_before    TIMESTAMP WITH TIME ZONE,
    purged_at        TIMESTAMP WITH TIME ZONE
);

CREATE TABLE monitoring_rules (
    id               UUID                     PRIMARY KEY,
    ai_system_id     UUID                     NOT NULL,
    name             VARCHAR(200)             NOT NULL,
    kind             VARCHAR(16)              NOT NULL,
    event_type       VARCHAR(32)              NOT NULL,
    event_name       VARCHAR(200),
    direction        VARCHAR(8)               NOT NULL,
    raise_value      DOUBLE PRECISION,
    clear_value      DOUBLE PRECISION,
    window_seconds   BIGINT,
    for_seconds      BIGINT                   NOT NULL,
    severity         VARCHAR(16)              NOT NULL,
    enabled          BOOLEAN                  NOT NULL,
    created_by       VARCHAR(64)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT                   NOT NULL,
    state            VARCHAR(16)              NOT NULL,
    pending_since    TIMESTAMP WITH TIME ZONE,
    last_event_at    TIMESTAMP WITH TIME ZONE,
    window_start     TIMESTAMP WITH TIME ZONE,
    window_count     BIGINT                   NOT NULL,
    incident_id      UUID,
    state_changed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX monitoring_rules_system ON monitoring_rules (ai_system_id, name, id);
CREATE INDEX monitoring_rules_name ON monitoring_rules (name, id);

CREATE TABLE incidents (
    id                  UUID                     PRIMARY KEY,
    ref                 VARCHAR(20)              NOT NULL UNIQUE,
    title               VARCHAR(300)             NOT NULL,
    description         VARCHAR(4000),
    severity            VARCHAR(16)              NOT NULL,
    status              VARCHAR(16)              NOT NULL,
    source              VARCHAR(16)              NOT NULL,
    rule_id             UUID,
    owner               VARCHAR(64)              NOT NULL,
    jurisdiction        VARCHAR(16)              NOT NULL,
    serious             BOOLEAN                  NOT NULL,
    classifications     VARCHAR(200)             NOT NULL,
    occurred_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    aware_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    last_breach_at      TIMESTAMP WITH TIME ZONE,
    breach_observations BIGINT                   NOT NULL,
    worst_value         DOUBLE PRECISION,
    containment         VARCHAR(4000),
    root_cause          VARCHAR(4000),
    nonconformity_id    UUID,
    resolved_at         TIMESTAMP WITH TIME ZONE,
    closed_at           TIMESTAMP WITH TIME ZONE,
    closed_by           VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(64)              NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL
);
CREATE INDEX incidents_aware ON incidents (aware_at, id);
CREATE INDEX incidents_status_aware ON incidents (status, aware_at, id);
CREATE INDEX incidents_title ON incidents (title, id);

CREATE TABLE incident_systems (
    incident_id      UUID                     NOT NULL,
    ai_system_id     UUID                     NOT NULL,
    roles            VARCHAR(100)             NOT NULL,
    versions         VARCHAR(1000)            NOT NULL,
    PRIMARY KEY (incident_id, ai_system_id)
);
CREATE INDEX incident_systems_system ON incident_systems (ai_system_id, incident_id);

CREATE TABLE incident_updates (
    id               UUID                     PRIMARY KEY,
    incident_id      UUID                     NOT NULL,
    happened_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    actor            VARCHAR(64)              NOT NULL,
    kind             VARCHAR(32)              NOT NULL,
    note             VARCHAR(4000)            NOT NULL
);
CREATE INDEX incident_updates_incident ON incident_updates (incident_id, happened_at, id);

CREATE TABLE incident_reports (
    id               UUID                     PRIMARY KEY,
    incident_id      UUID                     NOT NULL,
    ai_system_id     UUID                     NOT NULL,
    role             VARCHAR(16)              NOT NULL,
    jurisdiction     VARCHAR(16)              NOT NULL,
    report_type      VARCHAR(64)              NOT NULL,
    title            VARCHAR(300)             NOT NULL,
    legal_basis      VARCHAR(300)             NOT NULL,
    kind             VARCHAR(16)              NOT NULL,
    deadline_hours   INTEGER,
    due_at           TIMESTAMP WITH TIME ZONE,
    submitted_at     TIMESTAMP WITH TIME ZONE,
    submitted_by     VARCHAR(64),
    reference        VARCHAR(200),
    note             VARCHAR(4000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX incident_reports_incident ON incident_reports (incident_id, created_at, id);
CREATE INDEX incident_reports_due ON incident_reports (due_at, id);

CREATE TABLE reporting_rules (
    id               UUID                     PRIMARY KEY,
    jurisdiction     VARCHAR(16)              NOT NULL,
    role             VARCHAR(16)              NOT NULL,
    report_type      VARCHAR(64)              NOT NULL,
    title            VARCHAR(300)             NOT NULL,
    legal_basis      VARCHAR(300)             NOT NULL,
    applies_when     VARCHAR(32)              NOT NULL,
    deadline_hours   INTEGER                  NOT NULL,
    UNIQUE (jurisdiction, role, report_type, applies_when)
);
-- EU AI Act (Regulation (EU) 2024/1689), as in force when this was written; organizations change them.
INSERT INTO reporting_rules VALUES
 ('7f0c0b4e-6a3e-4c39-9d55-000000000001', 'EU', 'PROVIDER', 'serious-incident', 'Serious incident report to the market surveillance authority', 'EU AI Act art. 73(2): within 15 days of awareness', 'SERIOUS', 360),
 ('7f0c0b4e-6a3e-4c39-9d55-000000000002', 'EU', 'PROVIDER', 'serious-incident', 'Serious incident report to the market surveillance authority', 'EU AI Act art. 73(3): widespread infringement, within 2 days', 'WIDESPREAD_INFRINGEMENT', 48),
 ('7f0c0b4e-6a3e-4c39-9d55-000000000003', 'EU', 'PROVIDER', 'serious-incident', 'Serious incident report to the market surveillance authority', 'EU AI Act art. 73(3): serious disruption of critical infrastructure, within 2 days', 'CRITICAL_INFRASTRUCTURE', 48),
 ('7f0c0b4e-6a3e-4c39-9d55-000000000004', 'EU', 'PROVIDER', 'serious-incident', 'Serious incident report to the market surveillance authority', 'EU AI Act art. 73(4): death of a person, within 10 days', 'DEATH', 240),
 ('7f0c0b4e-6a3e-4c39-9d55-000000000005', 'EU', 'DEPLOYER', 'inform-provider', 'Inform the provider (and importer or distributor)', 'EU AI Act art. 26(5): without undue delay (taken as 24 hours)', 'SERIOUS', 24);

CREATE TABLE scheduler_locks (
    name             VARCHAR(64)              PRIMARY KEY,
    locked_until     TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_by        VARCHAR(200)             NOT NULL,
    runs             BIGINT                   NOT NULL
);
INSERT INTO scheduler_locks VALUES ('monitoring', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', '-', 0);
CREATE SEQUENCE incident_numbers START WITH 1;
