-- The payments recorded on a reservation (from payments.PaymentSucceeded): one row per
-- payment, so that a redelivered event adds nothing.
CREATE TABLE reservations.payments_received (
    payment_id      uuid PRIMARY KEY,               -- payments context
    reservation_id  uuid NOT NULL REFERENCES reservations.reservations (id),
    amount          bigint NOT NULL,
    received_at     timestamptz NOT NULL
);
