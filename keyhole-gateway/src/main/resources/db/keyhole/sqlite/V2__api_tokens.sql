-- API tokens: only a SHA-256 of each secret is kept (dev.keyhole.gateway.identity.ApiTokens).
CREATE TABLE api_token (
    id         TEXT    PRIMARY KEY,
    username   TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    secret_sha TEXT    NOT NULL,
    created_ms INTEGER NOT NULL,
    expires_ms INTEGER NOT NULL,
    revoked_ms INTEGER
);
CREATE INDEX api_token_user ON api_token (username);
