-- Governance (5.1-5.3, 6.2, A.2.2-A.2.4, A.3.2-A.3.3): approvals with segregation of duties, RACI,
-- versioned policies with acknowledgements, AI objectives, concerns.

CREATE TABLE approval_requests (
    id             UUID                     NOT NULL PRIMARY KEY,
    version        BIGINT                   NOT NULL,
    item_type      VARCHAR(50)              NOT NULL,
    item_id        VARCHAR(100)             NOT NULL,
    item_title     VARCHAR(300)             NOT NULL,
    snapshot       VARCHAR(64)              NOT NULL,
    required_roles VARCHAR(200)             NOT NULL,
    quorum         INT                      NOT NULL,
    requested_by   VARCHAR(64)              NOT NULL,
    authors        VARCHAR(1000)            NOT NULL,
    note           VARCHAR(2000),
    due_date       DATE,
    status         VARCHAR(20)              NOT NULL,
    status_reason  VARCHAR(500),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX approval_requests_item_idx ON approval_requests (item_type, item_id, created_at);
CREATE INDEX approval_requests_status_idx ON approval_requests (status, created_at, id);

CREATE TABLE approval_decisions (
    approval_request_id UUID                     NOT NULL REFERENCES approval_requests (id),
    list_index          INT                      NOT NULL,
    approver            VARCHAR(64)              NOT NULL,
    decision            VARCHAR(10)              NOT NULL,
    comment             VARCHAR(2000),
    decided_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (approval_request_id, list_index)
);

CREATE TABLE responsibilities (
    id              UUID                     NOT NULL PRIMARY KEY,
    subject_type    VARCHAR(20)              NOT NULL,
    subject_ref     VARCHAR(200)             NOT NULL,
    letter          VARCHAR(1)               NOT NULL,
    assignee_type   VARCHAR(10)              NOT NULL,
    assignee        VARCHAR(64)              NOT NULL,
    human_oversight BOOLEAN                  NOT NULL,
    assigned_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_by     VARCHAR(64)              NOT NULL,
    CONSTRAINT responsibilities_uq UNIQUE (subject_type, subject_ref, letter, assignee_type, assignee)
);
CREATE INDEX responsibilities_subject_idx ON responsibilities (subject_type, subject_ref);
CREATE INDEX responsibilities_assignee_idx ON responsibilities (assignee);

CREATE TABLE policies (
    id                     UUID                     NOT NULL PRIMARY KEY,
    version                BIGINT                   NOT NULL,
    title                  VARCHAR(200)             NOT NULL,
    owner                  VARCHAR(64)              NOT NULL,
    review_interval_months INT                      NOT NULL,
    next_review_date       DATE,
    approvals_required     INT                      NOT NULL,
    addresses              VARCHAR(2000),
    aligned_with           VARCHAR(2000),
    retired_at             TIMESTAMP WITH TIME ZONE,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by             VARCHAR(64)              NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT policies_title_uq UNIQUE (title)
);
CREATE INDEX policies_review_idx ON policies (next_review_date);
CREATE INDEX policies_updated_idx ON policies (updated_at, id);

CREATE TABLE policy_versions (
    id              UUID                     NOT NULL PRIMARY KEY,
    version         BIGINT                   NOT NULL,
    policy_id       UUID                     NOT NULL REFERENCES policies (id),
    version_no      INT                      NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    body            VARCHAR(200000),
    file_sha256     VARCHAR(64),
    file_name       VARCHAR(255),
    file_type       VARCHAR(100),
    change_summary  VARCHAR(2000),
    approval_id     UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)              NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(64)              NOT NULL,
    editors         VARCHAR(2000)            NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE,
    published_by    VARCHAR(64),
    retired_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT policy_versions_no_uq UNIQUE (policy_id, version_no)
);
CREATE INDEX policy_versions_status_idx ON policy_versions (status);

CREATE TABLE policy_acknowledgements (
    policy_version_id UUID                     NOT NULL REFERENCES policy_versions (id),
    username          VARCHAR(64)              NOT NULL,
    acknowledged_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (policy_version_id, username)
);

CREATE TABLE objectives (
    id          UUID                     NOT NULL PRIMARY KEY,
    version     BIGINT                   NOT NULL,
    title       VARCHAR(300)             NOT NULL,
    measure     VARCHAR(1000)            NOT NULL,
    target      VARCHAR(500)             NOT NULL,
    owner       VARCHAR(64)              NOT NULL,
    due_date    DATE                     NOT NULL,
    status      VARCHAR(20)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(64)              NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX objectives_due_idx ON objectives (due_date, id);
CREATE INDEX objectives_updated_idx ON objectives (updated_at, id);

CREATE TABLE objective_systems (
    objective_id UUID NOT NULL REFERENCES objectives (id),
    ai_system_id UUID NOT NULL,
    PRIMARY KEY (objective_id, ai_system_id)
);

CREATE TABLE objective_progress (
    objective_id UUID                     NOT NULL REFERENCES objectives (id),
    list_index   INT                      NOT NULL,
    recorded_on  DATE                     NOT NULL,
    measured_value VARCHAR(500)           NOT NULL,
    note         VARCHAR(2000),
    recorded_by  VARCHAR(64)              NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (objective_id, list_index)
);

CREATE TABLE concerns (
    id           UUID                     NOT NULL PRIMARY KEY,
    version      BIGINT                   NOT NULL,
    ai_system_id UUID,
    summary      VARCHAR(300)             NOT NULL,
    description  VARCHAR(10000)           NOT NULL,
    reporter     VARCHAR(64)              NOT NULL,
    anonymous    BOOLEAN                  NOT NULL,
    status       VARCHAR(20)              NOT NULL,
    resolution   VARCHAR(4000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX concerns_reporter_idx ON concerns (reporter, created_at);
CREATE INDEX concerns_status_idx ON concerns (status, created_at, id);

CREATE TABLE concern_notes (
    concern_id UUID                     NOT NULL REFERENCES concerns (id),
    list_index INT                      NOT NULL,
    note       VARCHAR(4000)            NOT NULL,
    status     VARCHAR(20)              NOT NULL,
    written_by VARCHAR(64)              NOT NULL,
    written_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (concern_id, list_index)
);
