-- An anonymous concern keeps no identity: it is made without signing in and followed with a receipt
-- code (only its SHA-256 is stored). Concerns reported "anonymously" while signed in before this
-- version lose the reporter's name here; their notes read as written by "reporter".
ALTER TABLE concerns ALTER COLUMN reporter DROP NOT NULL;
ALTER TABLE concerns ADD COLUMN receipt_hash VARCHAR(64);
CREATE UNIQUE INDEX concerns_receipt_idx ON concerns (receipt_hash);
UPDATE concern_notes SET written_by = 'reporter'
 WHERE EXISTS (SELECT 1 FROM concerns c WHERE c.id = concern_notes.concern_id AND c.anonymous = TRUE
               AND c.reporter = concern_notes.written_by);
UPDATE concerns SET reporter = NULL WHERE anonymous = TRUE;
