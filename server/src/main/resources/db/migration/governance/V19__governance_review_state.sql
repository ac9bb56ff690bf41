-- Policy versions and proposed renames/retirements of policies carry the review state of the
-- approvals module: where the review stands, its request, and everyone who changed the content
-- under review since its last approval (the version's editors until now).
ALTER TABLE policy_versions ADD COLUMN review_status VARCHAR(20);
ALTER TABLE policy_versions ADD COLUMN review_approval_id UUID;
ALTER TABLE policy_versions ADD COLUMN review_authors VARCHAR(2000);
ALTER TABLE policy_versions ADD COLUMN review_changed_at TIMESTAMP WITH TIME ZONE;
UPDATE policy_versions SET
    review_status = CASE
        WHEN status = 'IN_REVIEW' THEN 'SUBMITTED'
        WHEN status IN ('APPROVED', 'PUBLISHED') THEN 'APPROVED'
        WHEN status = 'RETIRED' AND published_at IS NOT NULL THEN 'APPROVED'
        ELSE 'DRAFT' END,
    review_approval_id = approval_id,
    review_authors = editors,
    review_changed_at = updated_at;
ALTER TABLE policy_versions ALTER COLUMN review_status SET NOT NULL;
ALTER TABLE policy_versions ALTER COLUMN review_authors SET NOT NULL;
ALTER TABLE policy_versions DROP COLUMN approval_id;
ALTER TABLE policy_versions DROP COLUMN editors;

ALTER TABLE policies ADD COLUMN review_status VARCHAR(20);
ALTER TABLE policies ADD COLUMN review_approval_id UUID;
ALTER TABLE policies ADD COLUMN review_authors VARCHAR(2000);
ALTER TABLE policies ADD COLUMN review_changed_at TIMESTAMP WITH TIME ZONE;
UPDATE policies SET
    review_status = CASE WHEN pending_change IS NULL THEN 'DRAFT' ELSE 'SUBMITTED' END,
    review_approval_id = (SELECT a.id FROM approval_requests a
        WHERE a.item_type = 'policy-change' AND a.item_id = CAST(policies.id AS VARCHAR(100))
        ORDER BY a.created_at DESC LIMIT 1),
    review_authors = COALESCE(proposed_by, ''),
    review_changed_at = updated_at;
ALTER TABLE policies ALTER COLUMN review_status SET NOT NULL;
ALTER TABLE policies ALTER COLUMN review_authors SET NOT NULL;
