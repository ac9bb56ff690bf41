-- Keyset pages of users by name seek (username, id).
CREATE INDEX users_username_idx ON users (username, id);
