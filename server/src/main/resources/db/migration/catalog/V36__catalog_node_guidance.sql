-- CISO Assistant libraries carry guidance (annotation), the evidence a requirement calls for
-- (typical_evidence, up to a few pages) and implementation groups (e.g. IG1, IG2): kept, not dropped.

ALTER TABLE requirement_nodes ADD COLUMN annotation VARCHAR(20000);
ALTER TABLE requirement_nodes ADD COLUMN implementation_groups VARCHAR(1000);
ALTER TABLE requirement_nodes ALTER COLUMN evidence SET DATA TYPE VARCHAR(20000);

-- The framework page shows the tree a level at a time (a framework of 20,000 nodes at once was 3.7 MB).
CREATE INDEX requirement_nodes_parent_idx ON requirement_nodes (framework_id, parent_urn, position);
