-- Assurance (4.1, 4.2, 9.2, 9.3, 10.2): the context register, the audit programme and its audits with
-- their checklists and independence exceptions, nonconformities with their corrective actions, and
-- management reviews with their actions. Programmes, exceptions, nonconformities' closure and
-- reviews' output are approved through the approvals module (the review_* columns).

CREATE TABLE context_entries (
    id              UUID                     PRIMARY KEY,
    kind            VARCHAR(20)              NOT NULL,
    title           VARCHAR(300)             NOT NULL,
    description     VARCHAR(4000),
    ai_roles        VARCHAR(500),
    applicable_laws VARCHAR(2000),
    requirements    VARCHAR(4000),
    addressed       BOOLEAN                  NOT NULL,
    how_addressed   VARCHAR(2000),
    owner           VARCHAR(64)              NOT NULL,
    version_no      INT                      NOT NULL,
    reviewed_on     DATE,
    reviewed_by     VARCHAR(64),
    retired         BOOLEAN                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)              NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(64)              NOT NULL,
    version         BIGINT                   NOT NULL
);
CREATE INDEX context_entries_created ON context_entries (created_at, id);
CREATE INDEX context_entries_title ON context_entries (title, id);

CREATE TABLE audit_programmes (
    id                 UUID                     PRIMARY KEY,
    title              VARCHAR(300)             NOT NULL,
    period_start       DATE                     NOT NULL,
    period_end         DATE                     NOT NULL,
    objectives         VARCHAR(4000),
    criteria           VARCHAR(2000),
    method             VARCHAR(2000),
    review_status      VARCHAR(20)              NOT NULL,
    review_approval_id UUID,
    review_authors     VARCHAR(2000)            NOT NULL,
    review_changed_at  TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         VARCHAR(64)              NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by         VARCHAR(64)              NOT NULL,
    version            BIGINT                   NOT NULL
);
CREATE INDEX audit_programmes_period ON audit_programmes (period_start, id);

CREATE TABLE audits (
    id                UUID                     PRIMARY KEY,
    programme_id      UUID                     NOT NULL REFERENCES audit_programmes (id),
    title             VARCHAR(300)             NOT NULL,
    planned_start     DATE                     NOT NULL,
    planned_end       DATE                     NOT NULL,
    audited_from      DATE                     NOT NULL,
    audited_to        DATE                     NOT NULL,
    scope_clauses     VARCHAR(2000),
    scope_controls    VARCHAR(2000),
    scope_systems     VARCHAR(4000),
    scope_processes   VARCHAR(2000),
    criteria          VARCHAR(2000),
    method            VARCHAR(2000),
    lead_auditor      VARCHAR(64)              NOT NULL,
    team              VARCHAR(1000),
    status            VARCHAR(20)              NOT NULL,
    follow_up_of      UUID,
    report_issued_at  TIMESTAMP WITH TIME ZONE,
    report_issued_by  VARCHAR(64),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(64)              NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(64)              NOT NULL,
    version           BIGINT                   NOT NULL
);
CREATE INDEX audits_planned ON audits (planned_start, id);
CREATE INDEX audits_programme ON audits (programme_id, planned_start, id);
CREATE INDEX audits_reported ON audits (report_issued_at);

CREATE TABLE audit_items (
    audit_id         UUID                     NOT NULL REFERENCES audits (id),
    list_index       INT                      NOT NULL,
    subject_type     VARCHAR(20)              NOT NULL,
    subject_ref      VARCHAR(200)             NOT NULL,
    requirement_id   UUID,
    title            VARCHAR(600)             NOT NULL,
    auditor          VARCHAR(64),
    result           VARCHAR(30),
    notes            VARCHAR(4000),
    sampled          VARCHAR(2000),
    evidence_id      UUID,
    nonconformity_id UUID,
    recorded_at      TIMESTAMP WITH TIME ZONE,
    recorded_by      VARCHAR(64),
    PRIMARY KEY (audit_id, list_index)
);

CREATE TABLE independence_exceptions (
    id                 UUID                     PRIMARY KEY,
    audit_id           UUID                     NOT NULL REFERENCES audits (id),
    item_index         INT                      NOT NULL,
    item_title         VARCHAR(600)             NOT NULL,
    auditor            VARCHAR(64)              NOT NULL,
    conflict           VARCHAR(2000)            NOT NULL,
    justification      VARCHAR(2000)            NOT NULL,
    review_status      VARCHAR(20)              NOT NULL,
    review_approval_id UUID,
    review_authors     VARCHAR(2000)            NOT NULL,
    review_changed_at  TIMESTAMP WITH TIME ZONE,
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by       VARCHAR(64)              NOT NULL,
    version            BIGINT                   NOT NULL
);
CREATE INDEX independence_exceptions_audit ON independence_exceptions (audit_id, item_index, auditor);

CREATE TABLE nonconformities (
    id                        UUID                     PRIMARY KEY,
    title                     VARCHAR(300)             NOT NULL,
    description               VARCHAR(4000),
    source                    VARCHAR(30)              NOT NULL,
    source_ref                VARCHAR(200),
    requirement_id            UUID,
    requirement_ref           VARCHAR(100),
    ai_system_id              UUID,
    severity                  VARCHAR(10)              NOT NULL,
    status                    VARCHAR(20)              NOT NULL,
    owner                     VARCHAR(64)              NOT NULL,
    correction                VARCHAR(4000),
    containment               VARCHAR(4000),
    root_cause_method         VARCHAR(20),
    root_cause                VARCHAR(4000),
    effectiveness_reviewed_by VARCHAR(64),
    effectiveness_reviewed_at TIMESTAMP WITH TIME ZONE,
    effective                 BOOLEAN,
    effectiveness_note        VARCHAR(2000),
    dismissed_reason          VARCHAR(1000),
    raised_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    raised_by                 VARCHAR(64)              NOT NULL,
    closed_at                 TIMESTAMP WITH TIME ZONE,
    review_status             VARCHAR(20)              NOT NULL,
    review_approval_id        UUID,
    review_authors            VARCHAR(2000)            NOT NULL,
    review_changed_at         TIMESTAMP WITH TIME ZONE,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by                VARCHAR(64)              NOT NULL,
    version                   BIGINT                   NOT NULL
);
CREATE INDEX nonconformities_raised ON nonconformities (raised_at, id);
CREATE INDEX nonconformities_status ON nonconformities (status, raised_at, id);
CREATE UNIQUE INDEX nonconformities_source_ref ON nonconformities (source, source_ref);

CREATE TABLE corrective_actions (
    nonconformity_id UUID                     NOT NULL REFERENCES nonconformities (id),
    list_index       INT                      NOT NULL,
    id               UUID                     NOT NULL,
    description      VARCHAR(2000)            NOT NULL,
    owner            VARCHAR(64)              NOT NULL,
    due_date         DATE                     NOT NULL,
    status           VARCHAR(20)              NOT NULL,
    done_at          TIMESTAMP WITH TIME ZONE,
    evidence_id      UUID,
    PRIMARY KEY (nonconformity_id, list_index)
);
CREATE INDEX corrective_actions_due ON corrective_actions (status, due_date, id);

CREATE TABLE management_reviews (
    id                 UUID                     PRIMARY KEY,
    title              VARCHAR(300)             NOT NULL,
    scheduled_for      DATE                     NOT NULL,
    period_start       DATE                     NOT NULL,
    period_end         DATE                     NOT NULL,
    chair              VARCHAR(64)              NOT NULL,
    attendees          VARCHAR(2000),
    status             VARCHAR(20)              NOT NULL,
    minutes            VARCHAR(20000),
    decisions          VARCHAR(8000),
    input_pack         VARCHAR(200000),
    held_at            TIMESTAMP WITH TIME ZONE,
    review_status      VARCHAR(20)              NOT NULL,
    review_approval_id UUID,
    review_authors     VARCHAR(2000)            NOT NULL,
    review_changed_at  TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         VARCHAR(64)              NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by         VARCHAR(64)              NOT NULL,
    version            BIGINT                   NOT NULL
);
CREATE INDEX management_reviews_scheduled ON management_reviews (scheduled_for, id);

CREATE TABLE review_actions (
    review_id   UUID                     NOT NULL REFERENCES management_reviews (id),
    list_index  INT                      NOT NULL,
    id          UUID                     NOT NULL,
    description VARCHAR(2000)            NOT NULL,
    owner       VARCHAR(64)              NOT NULL,
    due_date    DATE                     NOT NULL,
    status      VARCHAR(20)              NOT NULL,
    done_at     TIMESTAMP WITH TIME ZONE,
    note        VARCHAR(2000),
    PRIMARY KEY (review_id, list_index)
);
