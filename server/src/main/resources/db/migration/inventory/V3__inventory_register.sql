CREATE TABLE vendors (
    id                   UUID                     NOT NULL PRIMARY KEY,
    version              BIGINT                   NOT NULL,
    name                 VARCHAR(200)             NOT NULL,
    services             VARCHAR(4000),
    contract_reference   VARCHAR(200),
    due_diligence_status VARCHAR(32)              NOT NULL,
    next_review_date     DATE,
    retired_at           TIMESTAMP WITH TIME ZONE,
    retired_reason       VARCHAR(2000),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           VARCHAR(64)              NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           VARCHAR(64)              NOT NULL,
    CONSTRAINT vendors_name_uq UNIQUE (name)
);
CREATE INDEX vendors_status_idx ON vendors (due_diligence_status);
CREATE INDEX vendors_review_idx ON vendors (next_review_date);
CREATE INDEX vendors_updated_idx ON vendors (updated_at, id);
CREATE INDEX vendors_created_idx ON vendors (created_at, id);

CREATE TABLE ai_systems (
    id                       UUID                     NOT NULL PRIMARY KEY,
    version                  BIGINT                   NOT NULL,
    name                     VARCHAR(200)             NOT NULL,
    description              VARCHAR(4000),
    intended_purpose         VARCHAR(4000)            NOT NULL,
    lifecycle_stage          VARCHAR(32)              NOT NULL,
    risk_tier                VARCHAR(32)              NOT NULL,
    eu_ai_act_class          VARCHAR(32),
    owner                    VARCHAR(64)              NOT NULL,
    business_unit            VARCHAR(200),
    vendor_id                UUID REFERENCES vendors (id),
    personal_data            BOOLEAN                  NOT NULL,
    personal_data_categories VARCHAR(2000),
    affected_parties         VARCHAR(2000),
    data_resources           VARCHAR(2000),
    in_scope                 BOOLEAN                  NOT NULL,
    scope_justification      VARCHAR(2000),
    retired_at               TIMESTAMP WITH TIME ZONE,
    retired_reason           VARCHAR(2000),
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by               VARCHAR(64)              NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by               VARCHAR(64)              NOT NULL,
    CONSTRAINT ai_systems_name_uq UNIQUE (name)
);
CREATE INDEX ai_systems_stage_idx ON ai_systems (lifecycle_stage);
CREATE INDEX ai_systems_tier_idx ON ai_systems (risk_tier);
CREATE INDEX ai_systems_owner_idx ON ai_systems (owner);
CREATE INDEX ai_systems_vendor_idx ON ai_systems (vendor_id);
CREATE INDEX ai_systems_scope_idx ON ai_systems (in_scope);
CREATE INDEX ai_systems_updated_idx ON ai_systems (updated_at, id);
CREATE INDEX ai_systems_created_idx ON ai_systems (created_at, id);

CREATE TABLE ai_system_roles (
    ai_system_id UUID        NOT NULL REFERENCES ai_systems (id),
    role         VARCHAR(32) NOT NULL,
    PRIMARY KEY (ai_system_id, role)
);
CREATE INDEX ai_system_roles_role_idx ON ai_system_roles (role);

CREATE TABLE ai_system_versions (
    ai_system_id UUID                     NOT NULL REFERENCES ai_systems (id),
    list_index   INT                      NOT NULL,
    label        VARCHAR(100)             NOT NULL,
    released_on  DATE,
    notes        VARCHAR(4000),
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by     VARCHAR(64)              NOT NULL,
    PRIMARY KEY (ai_system_id, list_index)
);

CREATE TABLE scope_statements (
    id                 UUID                     NOT NULL PRIMARY KEY,
    version            BIGINT                   NOT NULL,
    version_no         INT                      NOT NULL,
    boundaries         VARCHAR(20000)           NOT NULL,
    inclusion_criteria VARCHAR(20000)           NOT NULL,
    change_note        VARCHAR(2000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         VARCHAR(64)              NOT NULL,
    CONSTRAINT scope_statements_version_uq UNIQUE (version_no)
);

CREATE TABLE scope_exclusions (
    scope_statement_id UUID          NOT NULL REFERENCES scope_statements (id),
    list_index         INT           NOT NULL,
    subject            VARCHAR(500)  NOT NULL,
    justification      VARCHAR(4000) NOT NULL,
    PRIMARY KEY (scope_statement_id, list_index)
);
