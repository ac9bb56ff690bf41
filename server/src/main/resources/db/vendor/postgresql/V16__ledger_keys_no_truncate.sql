-- PostgreSQL only: the key table refused UPDATE and DELETE but not TRUNCATE. The triggers are the
-- second line of defence; the first is that the application's role holds only SELECT and INSERT on
-- the ledger's tables (DatabaseRoles), which the owner cannot be kept from lifting.
CREATE TRIGGER ledger_keys_no_truncate BEFORE TRUNCATE ON ledger_keys
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_sequencer_keep BEFORE DELETE OR TRUNCATE ON ledger_sequencer
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
