-- Risk text search at scale: trigram GIN indexes answer LOWER(column) LIKE '%text%' without reading
-- every risk. pg_trgm is created once per database by the migration owner, in the schema "public"
-- (every schema's search may use its operator class there); without the right to create it the
-- indexes are left out and search reads the table (slower, still correct).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION pg_trgm SCHEMA public;
        EXCEPTION WHEN insufficient_privilege OR duplicate_object OR unique_violation THEN
            RAISE NOTICE 'pg_trgm could not be created (%); risk search reads the table', SQLERRM;
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX risks_title_trgm_idx ON risks USING gin (LOWER(title) public.gin_trgm_ops)';
        EXECUTE 'CREATE INDEX risks_description_trgm_idx ON risks USING gin (LOWER(description) public.gin_trgm_ops)';
        EXECUTE 'CREATE INDEX risks_cause_trgm_idx ON risks USING gin (LOWER(cause) public.gin_trgm_ops)';
        EXECUTE 'CREATE INDEX risks_source_trgm_idx ON risks USING gin (LOWER(risk_source) public.gin_trgm_ops)';
    END IF;
END $$;
