-- Lifecycle controls (8.1, A.6.2.4-A.6.2.6): test runs with their files, failing cases and metrics;
-- metric thresholds per AI system (versioned, reviewed); change tickets with rollback plans (reviewed);
-- the release gate's policy (versioned YAML, reviewed) and its decisions; deployments and rollbacks.
-- Test runs, decisions and deployments are records of what happened: written once, never changed.

CREATE TABLE test_runs (
    id                UUID                     PRIMARY KEY,
    ai_system_id      UUID                     NOT NULL,
    system_version    VARCHAR(100)             NOT NULL,
    dataset           VARCHAR(300),
    commit_ref        VARCHAR(200),
    evaluator         VARCHAR(200),
    tests             INT                      NOT NULL,
    failures          INT                      NOT NULL,
    errors            INT                      NOT NULL,
    skipped           INT                      NOT NULL,
    flaky             INT                      NOT NULL,
    duration_ms       BIGINT                   NOT NULL,
    declared_tests    INT,
    declared_failures INT,
    declared_errors   INT,
    declared_skipped  INT,
    failed_count      INT                      NOT NULL,
    passing           BOOLEAN                  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(64)              NOT NULL
);
CREATE INDEX test_runs_created ON test_runs (created_at, id);
CREATE INDEX test_runs_system ON test_runs (ai_system_id, system_version, created_at, id);
CREATE INDEX test_runs_system_created ON test_runs (ai_system_id, created_at, id);

CREATE TABLE test_run_files (
    test_run_id UUID         NOT NULL REFERENCES test_runs (id),
    list_index  INT          NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    file_name   VARCHAR(255) NOT NULL,
    evidence_id UUID         NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    PRIMARY KEY (test_run_id, list_index)
);

CREATE TABLE test_run_failures (
    test_run_id UUID          NOT NULL REFERENCES test_runs (id),
    list_index  INT           NOT NULL,
    file_name   VARCHAR(255)  NOT NULL,
    suite       VARCHAR(1000),
    class_name  VARCHAR(1000),
    test_name   VARCHAR(2000),
    outcome     VARCHAR(10)   NOT NULL,
    message     VARCHAR(1000),
    detail      VARCHAR(4000),
    PRIMARY KEY (test_run_id, list_index)
);

CREATE TABLE test_run_metrics (
    test_run_id  UUID             NOT NULL REFERENCES test_runs (id),
    list_index   INT              NOT NULL,
    name         VARCHAR(200)     NOT NULL,
    metric_value DOUBLE PRECISION NOT NULL,
    unit         VARCHAR(40),
    dataset      VARCHAR(300),
    slice        VARCHAR(200),
    sample_count INT,
    pass_share   DOUBLE PRECISION,
    PRIMARY KEY (test_run_id, list_index)
);

CREATE TABLE threshold_sets (
    id                 UUID                     PRIMARY KEY,
    ai_system_id       UUID                     NOT NULL,
    version_no         INT                      NOT NULL,
    note               VARCHAR(2000),
    review_status      VARCHAR(20)              NOT NULL,
    review_approval_id UUID,
    review_authors     VARCHAR(2000)            NOT NULL,
    review_changed_at  TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         VARCHAR(64)              NOT NULL,
    version            BIGINT                   NOT NULL,
    UNIQUE (ai_system_id, version_no)
);

CREATE TABLE metric_thresholds (
    threshold_set_id UUID             NOT NULL REFERENCES threshold_sets (id),
    list_index       INT              NOT NULL,
    metric           VARCHAR(200)     NOT NULL,
    direction        VARCHAR(10)      NOT NULL,
    bound            DOUBLE PRECISION NOT NULL,
    unit             VARCHAR(40),
    dataset          VARCHAR(300),
    slice            VARCHAR(200),
    PRIMARY KEY (threshold_set_id, list_index)
);

CREATE TABLE change_tickets (
    id                   UUID                     PRIMARY KEY,
    ai_system_id         UUID                     NOT NULL,
    from_version         VARCHAR(100),
    to_version           VARCHAR(100)             NOT NULL,
    change_type          VARCHAR(30)              NOT NULL,
    title                VARCHAR(300)             NOT NULL,
    description          VARCHAR(4000),
    significance         VARCHAR(20)              NOT NULL,
    status               VARCHAR(20)              NOT NULL,
    rollback_steps       VARCHAR(4000),
    rollback_triggers    VARCHAR(2000),
    rollback_owner       VARCHAR(64),
    rollback_tested      BOOLEAN                  NOT NULL,
    rollback_tested_on   DATE,
    rollback_evidence_id UUID,
    review_status        VARCHAR(20)              NOT NULL,
    review_approval_id   UUID,
    review_authors       VARCHAR(2000)            NOT NULL,
    review_changed_at    TIMESTAMP WITH TIME ZONE,
    opened_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by            VARCHAR(64)              NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           VARCHAR(64)              NOT NULL,
    version              BIGINT                   NOT NULL
);
CREATE INDEX change_tickets_opened ON change_tickets (opened_at, id);
CREATE INDEX change_tickets_system ON change_tickets (ai_system_id, opened_at, id);

CREATE TABLE change_test_runs (
    change_id   UUID NOT NULL REFERENCES change_tickets (id),
    test_run_id UUID NOT NULL REFERENCES test_runs (id),
    PRIMARY KEY (change_id, test_run_id)
);

CREATE TABLE gate_policies (
    id                 UUID                     PRIMARY KEY,
    version_no         INT                      NOT NULL UNIQUE,
    source             VARCHAR(100000)          NOT NULL,
    digest             CHAR(64)                 NOT NULL,
    note               VARCHAR(2000),
    review_status      VARCHAR(20)              NOT NULL,
    review_approval_id UUID,
    review_authors     VARCHAR(2000)            NOT NULL,
    review_changed_at  TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         VARCHAR(64)              NOT NULL,
    version            BIGINT                   NOT NULL
);

CREATE TABLE gate_decisions (
    id                UUID                     PRIMARY KEY,
    change_id         UUID                     NOT NULL REFERENCES change_tickets (id),
    ai_system_id      UUID                     NOT NULL,
    system_version    VARCHAR(100)             NOT NULL,
    risk_tier         VARCHAR(20),
    policy_id         UUID,
    policy_version_no INT,
    policy_digest     CHAR(64),
    verdict           VARCHAR(10)              NOT NULL,
    statement         VARCHAR(1000000)         NOT NULL,
    statement_digest  CHAR(64)                 NOT NULL,
    event_id          UUID                     NOT NULL,
    decided_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by        VARCHAR(64)              NOT NULL
);
CREATE INDEX gate_decisions_change ON gate_decisions (change_id, decided_at, id);
CREATE INDEX gate_decisions_decided ON gate_decisions (decided_at, id);

CREATE TABLE deployments (
    id               UUID                     PRIMARY KEY,
    ai_system_id     UUID                     NOT NULL,
    system_version   VARCHAR(100)             NOT NULL,
    environment      VARCHAR(100)             NOT NULL,
    kind             VARCHAR(20)              NOT NULL,
    change_id        UUID                     REFERENCES change_tickets (id),
    gate_decision_id UUID                     REFERENCES gate_decisions (id),
    gate_verdict     VARCHAR(10),
    rollback_of      UUID                     REFERENCES deployments (id),
    note             VARCHAR(2000),
    deployed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by      VARCHAR(64)              NOT NULL
);
CREATE INDEX deployments_deployed ON deployments (deployed_at, id);
CREATE INDEX deployments_system ON deployments (ai_system_id, environment, deployed_at, id);
