-- Statement of Applicability versions carry the review state of the approvals module (their
-- editors become the authors under review).
ALTER TABLE soa_versions ADD COLUMN review_status VARCHAR(20);
ALTER TABLE soa_versions ADD COLUMN review_approval_id UUID;
ALTER TABLE soa_versions ADD COLUMN review_authors VARCHAR(2000);
ALTER TABLE soa_versions ADD COLUMN review_changed_at TIMESTAMP WITH TIME ZONE;
UPDATE soa_versions SET
    review_status = CASE status WHEN 'IN_REVIEW' THEN 'SUBMITTED' WHEN 'APPROVED' THEN 'APPROVED' ELSE 'DRAFT' END,
    review_approval_id = (SELECT a.id FROM approval_requests a
        WHERE a.item_type = 'soa-version' AND a.item_id = CAST(soa_versions.id AS VARCHAR(100))
        ORDER BY a.created_at DESC LIMIT 1),
    review_authors = editors,
    review_changed_at = updated_at;
ALTER TABLE soa_versions ALTER COLUMN review_status SET NOT NULL;
ALTER TABLE soa_versions ALTER COLUMN review_authors SET NOT NULL;
ALTER TABLE soa_versions DROP COLUMN editors;
