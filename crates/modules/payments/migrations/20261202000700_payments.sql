-- The payments context: a reservation's payments, the gateways' events already handled,
-- and the built-in gateway's own state (the simulated provider).
CREATE SCHEMA IF NOT EXISTS payments;

CREATE TABLE payments.payments (
    id              uuid PRIMARY KEY,
    reservation_id  uuid NOT NULL,                  -- reservations context
    customer_id     uuid,                           -- the guest's account (users context)
    kind            text NOT NULL CHECK (kind IN ('deposit', 'balance', 'full_payment')),
    amount          bigint NOT NULL CHECK (amount > 0),
    currency        text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status          text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    provider        text NOT NULL,
    provider_ref    text,
    checkout_url    text,
    failure         text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         integer NOT NULL DEFAULT 1
);
-- OnePaymentPerInstallment: at most one live (pending or paid) payment of an installment,
-- whatever the concurrency; a failed one may be tried again.
CREATE UNIQUE INDEX payments_one_live_per_installment ON payments.payments (reservation_id, kind)
    WHERE status IN ('pending', 'succeeded');
CREATE UNIQUE INDEX payments_provider_ref_idx ON payments.payments (provider, provider_ref);
CREATE INDEX payments_reservation_idx ON payments.payments (reservation_id, created_at);

-- Each gateway event takes effect once: a redelivery finds its id here.
CREATE TABLE payments.gateway_events (
    provider     text NOT NULL,
    event_id     text NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (provider, event_id)
);

-- The built-in gateway (the embedded default): its checkouts, as a provider would hold
-- them, and the secret it signs its webhooks with, made at installation.
CREATE TABLE payments.builtin_checkouts (
    reference    text PRIMARY KEY,
    payment_id   uuid NOT NULL UNIQUE,       -- the idempotency key of createPayment
    amount       bigint NOT NULL,
    currency     text NOT NULL,
    description  text NOT NULL,
    return_url   text NOT NULL,
    status       text NOT NULL CHECK (status IN ('open', 'requires_action', 'succeeded', 'failed')),
    created_at   timestamptz NOT NULL
);
CREATE TABLE payments.builtin_secret (
    only_one  boolean PRIMARY KEY DEFAULT true CHECK (only_one),
    secret    text NOT NULL
);
INSERT INTO payments.builtin_secret (secret)
    VALUES ('whsec_' || encode(sha256((gen_random_uuid()::text || clock_timestamp()::text)::bytea), 'hex'));
