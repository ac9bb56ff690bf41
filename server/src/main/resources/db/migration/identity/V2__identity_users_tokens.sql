CREATE TABLE users (
    id            UUID                     NOT NULL PRIMARY KEY,
    version       BIGINT                   NOT NULL,
    username      VARCHAR(64)              NOT NULL,
    display_name  VARCHAR(200),
    email         VARCHAR(320),
    password_hash VARCHAR(200)             NOT NULL,
    enabled       BOOLEAN                  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_username_uq UNIQUE (username)
);
CREATE INDEX users_created_idx ON users (created_at, id);

CREATE TABLE user_roles (
    user_id UUID        NOT NULL REFERENCES users (id),
    role    VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, role)
);
CREATE INDEX user_roles_role_idx ON user_roles (role);

CREATE TABLE api_tokens (
    id           UUID                     NOT NULL PRIMARY KEY,
    version      BIGINT                   NOT NULL,
    user_id      UUID                     NOT NULL REFERENCES users (id),
    username     VARCHAR(64)              NOT NULL,
    name         VARCHAR(100)             NOT NULL,
    token_hash   VARCHAR(64)              NOT NULL,
    prefix       VARCHAR(16)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_tokens_hash_uq UNIQUE (token_hash)
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, created_at);
