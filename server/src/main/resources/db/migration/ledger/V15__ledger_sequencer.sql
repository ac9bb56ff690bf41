-- The chain head is no longer a row that every append updates (the application's database role may
-- then hold only SELECT and INSERT on the ledger's tables): appends lock this one-row table, which
-- holds nothing, and read the head from the last entry.
CREATE TABLE ledger_sequencer (
    id INT NOT NULL PRIMARY KEY,
    CONSTRAINT ledger_sequencer_single_ck CHECK (id = 1)
);
INSERT INTO ledger_sequencer (id) VALUES (1);
DROP TABLE ledger_head;
