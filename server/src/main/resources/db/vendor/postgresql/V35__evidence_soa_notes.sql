-- The Statement of Applicability's evidence text box is gone: what its newest version said of each
-- control becomes an evidence note linked to that control. (Older versions keep their text as it was
-- approved; nothing shows or changes it any more.)

ALTER TABLE evidence_items ADD COLUMN migrated_from VARCHAR(80);

INSERT INTO evidence_items (id, version, kind, title, description, owner, received_on, expires_on, current_version, created_at,
                            created_by, updated_at, updated_by, migrated_from)
SELECT gen_random_uuid(), 1, 'NOTE',
       CONCAT('Evidence noted in the Statement of Applicability for ', COALESCE(e.ref_id, 'a control')),
       e.evidence, COALESCE(e.owner, v.updated_by), CAST(v.updated_at AS DATE), DATE '9999-12-31', 0, v.updated_at, v.updated_by,
       v.updated_at, v.updated_by, CONCAT(CAST(e.soa_version_id AS VARCHAR(36)), CAST(e.requirement_id AS VARCHAR(36)))
FROM soa_entries e
JOIN soa_versions v ON v.id = e.soa_version_id
WHERE e.evidence IS NOT NULL AND TRIM(e.evidence) <> ''
  AND v.version_no = (SELECT MAX(v2.version_no) FROM soa_versions v2 WHERE v2.soa_id = v.soa_id);

INSERT INTO evidence_links (evidence_id, target_type, target_id)
SELECT i.id, 'REQUIREMENT', CAST(e.requirement_id AS VARCHAR(36))
FROM evidence_items i
JOIN soa_entries e ON i.migrated_from = CONCAT(CAST(e.soa_version_id AS VARCHAR(36)), CAST(e.requirement_id AS VARCHAR(36)));

ALTER TABLE evidence_items DROP COLUMN migrated_from;
