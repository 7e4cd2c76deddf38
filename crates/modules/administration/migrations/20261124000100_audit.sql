-- The administration context's schema: the tamper-evident audit log.
--
-- Business rule (DESIGN §3 "Audit"): every critical action lands in an APPEND-ONLY log
-- with actor, action, target, before/after, request id and IP, and the log is
-- TAMPER-EVIDENT. Two layers protect it:
--   1. Triggers refuse UPDATE, DELETE and TRUNCATE, so the application (or a careless
--      operator) cannot rewrite history through ordinary SQL.
--   2. Each row carries `prev_hash` (the previous row's `hash`) and its own `hash`, a
--      SHA-256 over `prev_hash` and a canonical encoding of every other field (computed
--      in Rust, see `domain::audit`). Whoever edits rows behind the database's back
--      (disabling the triggers, editing the files) breaks the chain, and
--      `verify_audit_chain` names the first row that no longer matches.
CREATE SCHEMA IF NOT EXISTS administration;

CREATE TABLE administration.audit_log (
    -- The chain's order. Rows are appended under an advisory lock, so seq order is the
    -- order in which rows were chained (gaps from rolled-back appends are harmless).
    seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id             uuid NOT NULL UNIQUE,
    occurred_at    timestamptz NOT NULL,          -- microseconds, as hashed
    actor          text NOT NULL,                 -- Actor::label(): user:<id>, system:<name>...
    actor_role     text,                          -- the user's role, when a user acted
    action         text NOT NULL CHECK (action <> ''),  -- auth.login_succeeded, reservations.ReservationCreated...
    target_type    text NOT NULL,
    target_id      text,
    before         jsonb,                         -- secrets redacted before they get here
    after          jsonb,
    request_id     text,
    ip             inet,
    correlation_id text,
    -- The hash chain: lower-case hex SHA-256; the first row's prev_hash is 64 zeros.
    prev_hash      text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash           text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
    -- The chain never forks: no two rows may follow the same row. Should two appenders
    -- ever read the same head (a caller outside READ COMMITTED, a bypassed lock), the
    -- second insert fails instead of silently splitting the chain.
    CONSTRAINT audit_log_chain_never_forks UNIQUE (prev_hash)
);

-- Searches filter on one of these and page newest first by seq (keyset pagination).
CREATE INDEX audit_log_actor_idx ON administration.audit_log (actor, seq DESC);
CREATE INDEX audit_log_action_idx ON administration.audit_log (action, seq DESC);
CREATE INDEX audit_log_target_idx ON administration.audit_log (target_type, target_id, seq DESC);
CREATE INDEX audit_log_occurred_at_idx ON administration.audit_log (occurred_at);

-- The log is append-only: any UPDATE, DELETE or TRUNCATE is refused, whatever it
-- matches. Statement-level triggers fire even when no row matches, and TRUNCATE (which
-- row triggers never see) is refused by its own trigger.
CREATE FUNCTION administration.audit_log_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'administration.audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Audit rows are never changed or removed; append a new row instead.';
END $$;

CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON administration.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION administration.audit_log_is_append_only();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON administration.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION administration.audit_log_is_append_only();
