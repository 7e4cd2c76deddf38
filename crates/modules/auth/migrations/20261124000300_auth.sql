-- The auth context: credentials, sessions with their rotating refresh tokens, and
-- password-reset tokens. Tokens are stored only as SHA-256 hashes: a database leak
-- gives nobody a usable token. User ids refer to users.users (no cross-schema FK).
CREATE SCHEMA IF NOT EXISTS auth;

-- One password per user, as an argon2id PHC string.
CREATE TABLE auth.credentials (
    user_id       uuid PRIMARY KEY,
    password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    updated_at    timestamptz NOT NULL
);

-- A session is a refresh-token family: revoking it ends every token of the family and
-- the access tokens issued in it (checked on each request).
CREATE TABLE auth.sessions (
    id             uuid PRIMARY KEY,
    user_id        uuid NOT NULL,
    created_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_reason text CHECK (revoked_reason IN ('logout', 'reuse_detected', 'password_changed', 'password_reset'))
);
CREATE INDEX sessions_user_idx ON auth.sessions (user_id) WHERE revoked_at IS NULL;

-- Each rotation spends a token and adds the next one of the family.
CREATE TABLE auth.refresh_tokens (
    token_hash text PRIMARY KEY,             -- hex SHA-256 of the token
    session_id uuid NOT NULL REFERENCES auth.sessions (id) ON DELETE CASCADE,
    user_id    uuid NOT NULL,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    spent_at   timestamptz
);
CREATE INDEX refresh_tokens_expiry_idx ON auth.refresh_tokens (expires_at);

-- One-time password-reset tokens.
CREATE TABLE auth.password_resets (
    token_hash text PRIMARY KEY,             -- hex SHA-256 of the token
    user_id    uuid NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX password_resets_expiry_idx ON auth.password_resets (expires_at);
