-- Risk (6.1.1-6.1.4, 8.2-8.4, A.5.2-A.5.5): versioned risk criteria, the AI risk register with
-- treatment actions linked to controls and residual acceptance, and AI system impact assessments.

CREATE TABLE risk_criteria (
    id          UUID                     NOT NULL PRIMARY KEY,
    version     BIGINT                   NOT NULL,
    version_no  INT                      NOT NULL,
    status      VARCHAR(20)              NOT NULL,
    definition  VARCHAR(60000)           NOT NULL,
    change_note VARCHAR(2000),
    editors     VARCHAR(2000)            NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(64)              NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(64)              NOT NULL,
    approved_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT risk_criteria_no_uq UNIQUE (version_no)
);

CREATE TABLE risk_categories (
    category_key VARCHAR(40)              NOT NULL PRIMARY KEY,
    name         VARCHAR(100)             NOT NULL,
    description  VARCHAR(500),
    built_in     BOOLEAN                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)              NOT NULL
);

INSERT INTO risk_categories (category_key, name, description, built_in, created_at, created_by) VALUES
('prompt-injection', 'Prompt injection', 'Instructions hidden in input or retrieved content take over the model''s behaviour', TRUE, CURRENT_TIMESTAMP, 'system'),
('jailbreak', 'Jailbreak', 'Users get around the safeguards the system was given', TRUE, CURRENT_TIMESTAMP, 'system'),
('data-poisoning', 'Data poisoning', 'Training or reference data is manipulated to change what the model does', TRUE, CURRENT_TIMESTAMP, 'system'),
('data-lineage', 'Data lineage and provenance', 'Where data came from, under which terms and how it was changed is not known', TRUE, CURRENT_TIMESTAMP, 'system'),
('privacy-leakage', 'Privacy leakage', 'Personal data is revealed through outputs, logs or the model itself', TRUE, CURRENT_TIMESTAMP, 'system'),
('bias', 'Bias and discrimination', 'Outcomes are systematically worse for some groups of people', TRUE, CURRENT_TIMESTAMP, 'system'),
('misuse', 'Misuse and dual use', 'The system is used for purposes it was not meant for, including harmful ones', TRUE, CURRENT_TIMESTAMP, 'system'),
('hallucination', 'Hallucination and inaccuracy', 'Outputs are wrong or made up but look plausible', TRUE, CURRENT_TIMESTAMP, 'system'),
('robustness', 'Robustness', 'Performance degrades on unusual, shifted or adversarial input', TRUE, CURRENT_TIMESTAMP, 'system'),
('security', 'Security', 'Attacks on the system, its data, model or supply chain', TRUE, CURRENT_TIMESTAMP, 'system'),
('safety', 'Safety', 'Physical or psychological harm to people', TRUE, CURRENT_TIMESTAMP, 'system'),
('transparency', 'Transparency', 'People cannot tell that AI is involved or why it produced a result', TRUE, CURRENT_TIMESTAMP, 'system'),
('human-oversight', 'Failure of human oversight', 'People meant to check or overrule the system cannot or do not', TRUE, CURRENT_TIMESTAMP, 'system'),
('third-party', 'Third party and vendor', 'A supplier''s model, data or service fails, changes or breaks terms', TRUE, CURRENT_TIMESTAMP, 'system'),
('legal', 'Legal and regulatory', 'Use of the system breaks laws, regulations or contracts', TRUE, CURRENT_TIMESTAMP, 'system');

CREATE SEQUENCE risk_numbers START WITH 1;

CREATE TABLE risks (
    id                        UUID                     NOT NULL PRIMARY KEY,
    version                   BIGINT                   NOT NULL,
    ref_no                    INT                      NOT NULL,
    title                     VARCHAR(200)             NOT NULL,
    description               VARCHAR(4000),
    ai_system_id              UUID REFERENCES ai_systems (id),
    category                  VARCHAR(40)              NOT NULL REFERENCES risk_categories (category_key),
    cause                     VARCHAR(2000),
    risk_source               VARCHAR(2000),
    consequence_organization  VARCHAR(2000),
    consequence_individuals   VARCHAR(2000),
    consequence_society       VARCHAR(2000),
    existing_controls         VARCHAR(2000),
    owner                     VARCHAR(64)              NOT NULL,
    review_date               DATE                     NOT NULL,
    status                    VARCHAR(30)              NOT NULL,
    criteria_id               UUID                     NOT NULL REFERENCES risk_criteria (id),
    inherent_likelihood       INT                      NOT NULL,
    inherent_impact           INT                      NOT NULL,
    inherent_level            VARCHAR(40)              NOT NULL,
    treatment_option          VARCHAR(20),
    treatment_note            VARCHAR(2000),
    target_likelihood         INT,
    target_impact             INT,
    residual_criteria_id      UUID REFERENCES risk_criteria (id),
    residual_likelihood       INT,
    residual_impact           INT,
    residual_level            VARCHAR(40),
    acceptance_rationale      VARCHAR(2000),
    accepted_at               TIMESTAMP WITH TIME ZONE,
    accepted_by               VARCHAR(64),
    reassessment_due          BOOLEAN                  NOT NULL,
    reassessment_reason       VARCHAR(500),
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by                VARCHAR(64)              NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by                VARCHAR(64)              NOT NULL,
    CONSTRAINT risks_ref_uq UNIQUE (ref_no)
);
CREATE INDEX risks_system_idx ON risks (ai_system_id);
CREATE INDEX risks_category_idx ON risks (category);
CREATE INDEX risks_owner_idx ON risks (owner);
CREATE INDEX risks_status_idx ON risks (status);
CREATE INDEX risks_review_idx ON risks (review_date, id);
CREATE INDEX risks_inherent_idx ON risks (inherent_level);
CREATE INDEX risks_residual_idx ON risks (residual_level);
CREATE INDEX risks_cell_idx ON risks (inherent_likelihood, inherent_impact);
CREATE INDEX risks_residual_cell_idx ON risks (residual_likelihood, residual_impact);
CREATE INDEX risks_updated_idx ON risks (updated_at, id);

CREATE TABLE risk_actions (
    risk_id   UUID          NOT NULL REFERENCES risks (id),
    action_id UUID          NOT NULL,
    position  INT           NOT NULL,
    title     VARCHAR(300)  NOT NULL,
    owner     VARCHAR(64)   NOT NULL,
    due_date  DATE          NOT NULL,
    status    VARCHAR(20)   NOT NULL,
    done_on   DATE,
    PRIMARY KEY (risk_id, action_id)
);

CREATE TABLE risk_action_controls (
    risk_id        UUID NOT NULL REFERENCES risks (id),
    action_id      UUID NOT NULL,
    requirement_id UUID NOT NULL REFERENCES requirement_nodes (id),
    PRIMARY KEY (risk_id, action_id, requirement_id)
);
CREATE INDEX risk_action_controls_requirement_idx ON risk_action_controls (requirement_id);

CREATE TABLE impact_assessments (
    id                 UUID                     NOT NULL PRIMARY KEY,
    version            BIGINT                   NOT NULL,
    ai_system_id       UUID                     NOT NULL REFERENCES ai_systems (id),
    system_version     VARCHAR(100),
    criteria_id        UUID                     NOT NULL REFERENCES risk_criteria (id),
    status             VARCHAR(20)              NOT NULL,
    intended_use       VARCHAR(4000)            NOT NULL,
    foreseeable_misuse VARCHAR(4000),
    affected_groups    VARCHAR(2000),
    vulnerable_groups  VARCHAR(2000),
    reviewers          VARCHAR(1000),
    editors            VARCHAR(2000)            NOT NULL,
    stale              BOOLEAN                  NOT NULL,
    stale_reason       VARCHAR(500),
    stale_since        TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         VARCHAR(64)              NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by         VARCHAR(64)              NOT NULL,
    approved_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX impact_assessments_system_idx ON impact_assessments (ai_system_id, created_at);

CREATE TABLE impact_lines (
    impact_assessment_id UUID          NOT NULL REFERENCES impact_assessments (id),
    list_index           INT           NOT NULL,
    area                 VARCHAR(30)   NOT NULL,
    description          VARCHAR(2000) NOT NULL,
    severity             INT           NOT NULL,
    likelihood           INT           NOT NULL,
    mitigation           VARCHAR(2000),
    PRIMARY KEY (impact_assessment_id, list_index)
);
