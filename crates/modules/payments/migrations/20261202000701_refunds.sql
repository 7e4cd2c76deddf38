-- Refunds of payments: at most one per payment and reason (a cancellation refunds each
-- payment once, whatever the redeliveries), stored before the gateway is asked.
CREATE TABLE payments.refunds (
    id              uuid PRIMARY KEY,
    payment_id      uuid NOT NULL REFERENCES payments.payments (id),
    reservation_id  uuid NOT NULL,
    reason          text NOT NULL CHECK (reason IN ('cancellation')),
    amount          bigint NOT NULL CHECK (amount > 0),
    currency        text NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    provider_ref    text,
    failure         text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (payment_id, reason)
);
CREATE INDEX refunds_reservation_idx ON payments.refunds (reservation_id);
