-- Keyset pages seek (sort column, id) indexes with row-value comparisons.
CREATE INDEX policies_title_idx ON policies (title, id);
CREATE INDEX objectives_title_idx ON objectives (title, id);
CREATE INDEX objectives_status_idx ON objectives (status, due_date, id);
CREATE INDEX objectives_owner_idx ON objectives (owner, due_date, id);
CREATE INDEX objective_systems_system_idx ON objective_systems (ai_system_id, objective_id);
CREATE INDEX concerns_created_idx ON concerns (created_at, id);
CREATE INDEX concerns_updated_idx ON concerns (updated_at, id);
CREATE INDEX concerns_summary_idx ON concerns (summary, id);
