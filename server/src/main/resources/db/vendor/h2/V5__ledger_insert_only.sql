-- H2 (the embedded single-user default) has no SQL triggers; the ledger stays insert-only because the
-- code has no UPDATE or DELETE path, and the constraints of V4 refuse forks and gaps. This migration
-- keeps version 5 taken on every database.
SELECT 1;
