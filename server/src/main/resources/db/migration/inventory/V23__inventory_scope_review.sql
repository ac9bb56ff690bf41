-- The scope statement is reviewed (4.3): a saved version is a draft until someone other than its
-- author approves it, and the approved version is the one in force. Each version records the AI
-- systems that were in and out of scope when it was saved. Versions saved before reviews existed
-- were never approved: they become drafts (without a recorded system list), to be submitted.
ALTER TABLE scope_statements ADD COLUMN review_status VARCHAR(20);
ALTER TABLE scope_statements ADD COLUMN review_approval_id UUID;
ALTER TABLE scope_statements ADD COLUMN review_authors VARCHAR(2000);
ALTER TABLE scope_statements ADD COLUMN review_changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE scope_statements ADD COLUMN systems_recorded BOOLEAN;
UPDATE scope_statements SET review_status = 'DRAFT', review_authors = created_by, review_changed_at = created_at,
    systems_recorded = FALSE;
ALTER TABLE scope_statements ALTER COLUMN review_status SET NOT NULL;
ALTER TABLE scope_statements ALTER COLUMN review_authors SET NOT NULL;
ALTER TABLE scope_statements ALTER COLUMN systems_recorded SET NOT NULL;

CREATE TABLE scope_statement_systems (
    scope_statement_id  UUID          NOT NULL REFERENCES scope_statements (id),
    list_index          INT           NOT NULL,
    ai_system_id        UUID          NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    lifecycle_stage     VARCHAR(32)   NOT NULL,
    in_scope            BOOLEAN       NOT NULL,
    scope_justification VARCHAR(2000),
    PRIMARY KEY (scope_statement_id, list_index)
);
