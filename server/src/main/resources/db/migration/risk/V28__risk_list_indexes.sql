-- The risk register at a million risks: every sort seeks a (column, id) index, each filter is
-- answered together with the default sort (review date), and the heat map groups from an index that
-- holds every column it reads. The single-column filter indexes these replace are dropped (those that
-- back a foreign key on H2 stay).
CREATE INDEX risks_title_idx ON risks (title, id);
CREATE INDEX risks_system_review_idx ON risks (ai_system_id, review_date, id);
CREATE INDEX risks_category_review_idx ON risks (category, review_date, id);
CREATE INDEX risks_owner_review_idx ON risks (owner, review_date, id);
CREATE INDEX risks_status_review_idx ON risks (status, review_date, id);
CREATE INDEX risks_inherent_review_idx ON risks (inherent_level, review_date, id);
CREATE INDEX risks_residual_review_idx ON risks (residual_level, review_date, id);
CREATE INDEX risks_reassessment_review_idx ON risks (reassessment_due, review_date, id);
CREATE INDEX risks_inherent_cells_idx ON risks (criteria_id, inherent_likelihood, inherent_impact);
CREATE INDEX risks_residual_cells_idx ON risks (residual_criteria_id, residual_likelihood, residual_impact);
DROP INDEX risks_owner_idx;
DROP INDEX risks_status_idx;
DROP INDEX risks_inherent_idx;
DROP INDEX risks_residual_idx;
DROP INDEX risks_cell_idx;
DROP INDEX risks_residual_cell_idx;
CREATE INDEX risk_actions_owner_idx ON risk_actions (owner, status);
CREATE INDEX impact_assessments_created_idx ON impact_assessments (created_at, id);
CREATE INDEX impact_assessments_system_created_idx ON impact_assessments (ai_system_id, created_at, id);
-- A heat-map cell's risks in review order.
CREATE INDEX risks_inherent_cell_review_idx ON risks (inherent_likelihood, inherent_impact, review_date, id);
CREATE INDEX risks_residual_cell_review_idx ON risks (residual_likelihood, residual_impact, review_date, id);
