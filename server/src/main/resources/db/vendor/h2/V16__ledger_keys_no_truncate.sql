-- H2 has no SQL triggers: on the embedded database the ledger is tamper-evident (verification finds
-- any change) but not tamper-proof. This migration keeps version 16 taken on every database.
SELECT 1;
