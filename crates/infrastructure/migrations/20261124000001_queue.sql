-- The outbox and job queue: one mechanism for domain events and background jobs.
--
-- A message (event or job) is inserted in the same transaction as the state change that
-- caused it, so a rolled-back transaction never delivers anything. A trigger fans each
-- message out into one delivery per subscribed consumer; workers claim deliveries with
-- FOR UPDATE SKIP LOCKED and a lease (visible again when `run_at` passes), retry with
-- backoff and dead-letter after N attempts.
CREATE SCHEMA IF NOT EXISTS queue;

CREATE TABLE queue.messages (
    id             uuid PRIMARY KEY,             -- UUIDv7: time-ordered
    kind           text NOT NULL CHECK (kind IN ('event', 'job')),
    type           text NOT NULL,                -- event type or job name
    aggregate_type text,
    aggregate_id   text,
    version        integer NOT NULL DEFAULT 1,
    payload        jsonb NOT NULL,
    occurred_at    timestamptz NOT NULL,
    not_before     timestamptz,                  -- jobs: do not run before
    correlation_id text,
    causation_id   text,
    actor          text,
    ip             text,                         -- client address of the causing request
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX messages_aggregate_idx ON queue.messages (aggregate_type, aggregate_id, id);

-- Which consumer receives which message type. Rewritten by every process at start from
-- the consumers registered in code; '*' receives every event (never jobs).
CREATE TABLE queue.subscriptions (
    consumer     text NOT NULL,
    message_type text NOT NULL,
    PRIMARY KEY (consumer, message_type)
);

CREATE TABLE queue.deliveries (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id  uuid NOT NULL REFERENCES queue.messages (id) ON DELETE CASCADE,
    consumer    text NOT NULL,
    -- pending: waiting for run_at; running: leased until run_at; done; dead: gave up.
    status      text NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'running', 'done', 'dead')),
    attempts    integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    run_at      timestamptz NOT NULL,
    locked_by   text,
    last_error  text,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    done_at     timestamptz,
    -- A consumer receives a message once: this makes a consumer's effect idempotent.
    UNIQUE (message_id, consumer)
);

-- The claim query's index: only live deliveries, by due time.
CREATE INDEX deliveries_due_idx ON queue.deliveries (run_at) WHERE status IN ('pending', 'running');
CREATE INDEX deliveries_dead_idx ON queue.deliveries (updated_at DESC) WHERE status = 'dead';
CREATE INDEX deliveries_message_idx ON queue.deliveries (message_id);

-- Fan a new message out to its subscribers.
CREATE FUNCTION queue.fan_out() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO queue.deliveries (message_id, consumer, run_at, created_at, updated_at)
    SELECT NEW.id, s.consumer, coalesce(NEW.not_before, NEW.occurred_at), NEW.occurred_at, NEW.occurred_at
      FROM queue.subscriptions s
     WHERE s.message_type = NEW.type
        OR (s.message_type = '*' AND NEW.kind = 'event');
    RETURN NEW;
END $$;

CREATE TRIGGER messages_fan_out AFTER INSERT ON queue.messages
    FOR EACH ROW EXECUTE FUNCTION queue.fan_out();

-- Wake the workers when deliveries appear (delivered at commit, once per transaction).
CREATE FUNCTION queue.notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('sejour_queue', '');
    RETURN NULL;
END $$;

CREATE TRIGGER deliveries_notify AFTER INSERT ON queue.deliveries
    FOR EACH STATEMENT EXECUTE FUNCTION queue.notify();
