-- H2 has no trigram indexes: risk text search reads the table there (fine for the embedded
-- database's sizes; PostgreSQL is the choice for large registers).
SELECT 1;
