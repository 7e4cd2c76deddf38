-- Timed jobs. One row per schedule declared in code; `last_tick` moves forward with a
-- compare-and-set in the same transaction that enqueues the job, so a tick fires once
-- however many scheduler replicas run.
CREATE SCHEMA IF NOT EXISTS scheduler;

CREATE TABLE scheduler.schedules (
    name       text PRIMARY KEY,
    cron       text NOT NULL,
    last_tick  timestamptz NOT NULL,    -- the latest tick that fired (or the creation time)
    last_fired_at timestamptz,
    updated_at timestamptz NOT NULL
);
