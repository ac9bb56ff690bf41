-- A token is listed by a fingerprint of its hash, never by characters of its secret, and its last use
-- is kept to the day only (a finer time lets anyone who reads it match a token to an anonymous act).
ALTER TABLE api_tokens ADD COLUMN fingerprint VARCHAR(16);
UPDATE api_tokens SET fingerprint = SUBSTRING(token_hash FROM 1 FOR 8);
ALTER TABLE api_tokens ALTER COLUMN fingerprint SET NOT NULL;
ALTER TABLE api_tokens DROP COLUMN prefix;
ALTER TABLE api_tokens ADD COLUMN last_used_on DATE;
UPDATE api_tokens SET last_used_on = CAST(last_used_at AS DATE);
ALTER TABLE api_tokens DROP COLUMN last_used_at;
