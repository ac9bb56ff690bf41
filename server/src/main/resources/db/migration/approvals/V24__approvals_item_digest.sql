-- The digest of each request's item as it is now, written whenever the item is saved (NULL: not
-- changed since the request), so lists show "changed since the request" without loading every item.
ALTER TABLE approval_requests ADD COLUMN item_digest VARCHAR(64);
-- The inbox pages pending requests in the order they were made.
CREATE INDEX approval_requests_created_idx ON approval_requests (created_at, id);
