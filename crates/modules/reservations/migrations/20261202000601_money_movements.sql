-- The money the payments context moved for a reservation (from payments.PaymentSucceeded
-- and payments.PaymentRefunded): one row per payment or refund, so that a redelivered
-- event changes nothing.
CREATE TABLE reservations.money_movements (
    id              uuid PRIMARY KEY,               -- the payment's or the refund's (payments context)
    reservation_id  uuid NOT NULL REFERENCES reservations.reservations (id),
    direction       text NOT NULL CHECK (direction IN ('received', 'refunded')),
    amount          bigint NOT NULL CHECK (amount > 0),
    recorded_at     timestamptz NOT NULL
);
