-- CISO Assistant libraries carry guidance (annotation), the evidence a requirement calls for
-- (typical_evidence, up to a few pages) and implementation groups (e.g. IG1, IG2): kept, not dropped.

ALTER TABLE requirement_nodes ADD COLUMN annotation VARCHAR(20000);
ALTER TABLE requirement_nodes ADD COLUMN implementation_groups VARCHAR(1000);
ALTER TABLE requirement_nodes ALTER COLUMN evidence SET DATA TYPE VARCHAR(20000);
