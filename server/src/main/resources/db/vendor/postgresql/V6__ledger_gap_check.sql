-- PostgreSQL only: the gap check of the foreign key (ledger_entries_prev_fk) runs one trigger per
-- row; the same rule checked once per INSERT statement over the new rows as a set is several times
-- cheaper for batched appends. The rule: the new rows are contiguous and start right after the
-- highest entry stored before them (or at 1). The CHECK constraint keeps prev_seq = seq - 1.
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_prev_fk;

CREATE FUNCTION ledger_refuse_gap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    first_new  BIGINT;
    last_new   BIGINT;
    new_count  BIGINT;
    stored_max BIGINT;
BEGIN
    SELECT MIN(seq), MAX(seq), COUNT(*) INTO first_new, last_new, new_count FROM new_entries;
    IF new_count = 0 THEN
        RETURN NULL;
    END IF;
    IF last_new - first_new + 1 <> new_count THEN
        RAISE EXCEPTION 'ledger gap: the new entries % to % are not contiguous', first_new, last_new
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    SELECT COALESCE(MAX(seq), 0) INTO stored_max FROM ledger_entries WHERE seq < first_new;
    IF stored_max <> first_new - 1 THEN
        RAISE EXCEPTION 'ledger gap: entry % would follow entry %', first_new, stored_max
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER ledger_entries_no_gap AFTER INSERT ON ledger_entries
    REFERENCING NEW TABLE AS new_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_gap();

-- Hashes and subject keys are plain ASCII: byte order is right for them and its comparisons are much
-- cheaper than the database's linguistic collation in the indexes every append updates.
ALTER TABLE ledger_entries ALTER COLUMN prev_hash TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE ledger_entries ALTER COLUMN subject_type TYPE VARCHAR(50) COLLATE "C";
ALTER TABLE ledger_entries ALTER COLUMN subject_id TYPE VARCHAR(100) COLLATE "C";
