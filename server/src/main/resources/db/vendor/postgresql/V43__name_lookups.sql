-- A vendor's or an AI system's name is unique whatever the letter case; the check before each save
-- looks the name up by LOWER(name) instead of reading every row (20,000 vendors were read per change).
-- H2 has no expression indexes: there the lookup scans, which its sizes allow.
CREATE INDEX vendors_lower_name_idx ON vendors (LOWER(name));
CREATE INDEX ai_systems_lower_name_idx ON ai_systems (LOWER(name));
