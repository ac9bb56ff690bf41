-- Risk criteria versions, impact assessments and risks (their residual-risk acceptance) carry the
-- review state of the approvals module. A risk's authors are everyone who changed what its
-- acceptance accepts since the last acceptance; until now only its creator counted.
ALTER TABLE risk_criteria ADD COLUMN review_status VARCHAR(20);
ALTER TABLE risk_criteria ADD COLUMN review_approval_id UUID;
ALTER TABLE risk_criteria ADD COLUMN review_authors VARCHAR(2000);
ALTER TABLE risk_criteria ADD COLUMN review_changed_at TIMESTAMP WITH TIME ZONE;
UPDATE risk_criteria SET
    review_status = CASE status WHEN 'IN_REVIEW' THEN 'SUBMITTED' WHEN 'DRAFT' THEN 'DRAFT' ELSE 'APPROVED' END,
    review_approval_id = (SELECT a.id FROM approval_requests a
        WHERE a.item_type = 'risk-criteria' AND a.item_id = CAST(risk_criteria.id AS VARCHAR(100))
        ORDER BY a.created_at DESC LIMIT 1),
    review_authors = editors,
    review_changed_at = updated_at;
ALTER TABLE risk_criteria ALTER COLUMN review_status SET NOT NULL;
ALTER TABLE risk_criteria ALTER COLUMN review_authors SET NOT NULL;
ALTER TABLE risk_criteria DROP COLUMN editors;

ALTER TABLE impact_assessments ADD COLUMN review_status VARCHAR(20);
ALTER TABLE impact_assessments ADD COLUMN review_approval_id UUID;
ALTER TABLE impact_assessments ADD COLUMN review_authors VARCHAR(2000);
ALTER TABLE impact_assessments ADD COLUMN review_changed_at TIMESTAMP WITH TIME ZONE;
UPDATE impact_assessments SET
    review_status = CASE status WHEN 'IN_REVIEW' THEN 'SUBMITTED' WHEN 'APPROVED' THEN 'APPROVED' ELSE 'DRAFT' END,
    review_approval_id = (SELECT a.id FROM approval_requests a
        WHERE a.item_type = 'impact-assessment' AND a.item_id = CAST(impact_assessments.id AS VARCHAR(100))
        ORDER BY a.created_at DESC LIMIT 1),
    review_authors = editors,
    review_changed_at = updated_at;
ALTER TABLE impact_assessments ALTER COLUMN review_status SET NOT NULL;
ALTER TABLE impact_assessments ALTER COLUMN review_authors SET NOT NULL;
ALTER TABLE impact_assessments DROP COLUMN editors;

ALTER TABLE risks ADD COLUMN review_status VARCHAR(20);
ALTER TABLE risks ADD COLUMN review_approval_id UUID;
ALTER TABLE risks ADD COLUMN review_authors VARCHAR(2000);
ALTER TABLE risks ADD COLUMN review_changed_at TIMESTAMP WITH TIME ZONE;
UPDATE risks SET
    review_status = CASE status WHEN 'ACCEPTANCE_REQUESTED' THEN 'SUBMITTED' WHEN 'ACCEPTED' THEN 'APPROVED' ELSE 'DRAFT' END,
    review_approval_id = (SELECT a.id FROM approval_requests a
        WHERE a.item_type = 'risk-acceptance' AND a.item_id = CAST(risks.id AS VARCHAR(100))
        ORDER BY a.created_at DESC LIMIT 1),
    review_authors = CASE WHEN updated_by IS NULL OR updated_by = created_by THEN created_by
        ELSE LEAST(created_by, updated_by) || ',' || GREATEST(created_by, updated_by) END,
    review_changed_at = updated_at;
ALTER TABLE risks ALTER COLUMN review_status SET NOT NULL;
ALTER TABLE risks ALTER COLUMN review_authors SET NOT NULL;
