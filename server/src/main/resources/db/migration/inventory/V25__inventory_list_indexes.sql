-- Keyset pages seek (sort column, id) indexes with row-value comparisons; filters that lists are
-- commonly read by are answered together with their default sort.
CREATE INDEX ai_systems_name_idx ON ai_systems (name, id);
CREATE INDEX vendors_name_idx ON vendors (name, id);
