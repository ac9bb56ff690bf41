-- H2 keeps the foreign key of V4 for the gap check (PostgreSQL replaces it with a statement trigger).
SELECT 1;
