-- Cards saved with the guest's consent at checkout (the latest per booking), for the
-- balance charged off-session and the security deposit's hold.
CREATE TABLE payments.saved_cards (
    reservation_id  uuid PRIMARY KEY,                -- reservations context
    provider        text NOT NULL,
    reference       text NOT NULL,                   -- the provider's payment method
    last4           text NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
    consented_at    timestamptz NOT NULL
);

-- The security deposit's holds on those cards. A live one at most per booking.
CREATE TABLE payments.deposit_holds (
    id              uuid PRIMARY KEY,
    reservation_id  uuid NOT NULL,
    provider        text NOT NULL,
    provider_ref    text,
    amount          bigint NOT NULL CHECK (amount > 0),
    currency        text NOT NULL,
    status          text NOT NULL CHECK (status IN ('held', 'released', 'captured', 'renewed', 'failed')),
    expires_at      timestamptz NOT NULL,
    captured        bigint CHECK (captured > 0 AND captured <= amount),
    reason          text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CHECK ((status = 'captured') = (captured IS NOT NULL))
);
CREATE UNIQUE INDEX deposit_holds_one_live ON payments.deposit_holds (reservation_id) WHERE status = 'held';
CREATE INDEX deposit_holds_reservation_idx ON payments.deposit_holds (reservation_id, created_at);

-- The built-in gateway's side: the card a checkout is to save once paid, the cards it
-- saved (what each does off-session, as its test number says) and its holds.
-- (Never the card number: its last four digits and what it does off-session.)
ALTER TABLE payments.builtin_checkouts
    ADD COLUMN save_last4 text,
    ADD COLUMN save_off_session text;
CREATE TABLE payments.builtin_cards (
    reference   text PRIMARY KEY,
    last4       text NOT NULL,
    off_session text NOT NULL,                       -- `ok`, or the decline reason
    created_at  timestamptz NOT NULL
);
CREATE TABLE payments.builtin_holds (
    reference   text PRIMARY KEY,
    hold_id     uuid NOT NULL UNIQUE,                -- the idempotency key of authorize
    card        text NOT NULL REFERENCES payments.builtin_cards (reference),
    amount      bigint NOT NULL,
    currency    text NOT NULL,
    status      text NOT NULL CHECK (status IN ('held', 'captured', 'released')),
    captured    bigint,
    expires_at  timestamptz NOT NULL
);
