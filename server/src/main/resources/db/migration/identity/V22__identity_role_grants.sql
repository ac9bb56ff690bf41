-- Who made an account what it is (segregation of duties: nobody approves the items of whoever
-- created their account or granted their approving role), and grants of approving roles (ADMIN,
-- AIMS_MANAGER, APPROVER) that wait for a second administrator's approval.
ALTER TABLE users ADD COLUMN created_by VARCHAR(64);
ALTER TABLE user_roles ADD COLUMN granted_by VARCHAR(64);
ALTER TABLE user_roles ADD COLUMN granted_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE role_grants (
    id           UUID                     NOT NULL PRIMARY KEY,
    version      BIGINT                   NOT NULL,
    user_id      UUID                     NOT NULL REFERENCES users (id),
    username     VARCHAR(64)              NOT NULL,
    role         VARCHAR(32)              NOT NULL,
    status       VARCHAR(20)              NOT NULL,
    requested_by VARCHAR(64)              NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by   VARCHAR(64),
    decided_at   TIMESTAMP WITH TIME ZONE,
    reason       VARCHAR(500)
);
CREATE INDEX role_grants_user_idx ON role_grants (user_id, status);
CREATE INDEX role_grants_status_idx ON role_grants (status, requested_at, id);
