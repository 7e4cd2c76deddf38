-- The reservations context: bookings, their idempotency keys, and their timeline.
--
-- "No double booking" lives in the shared calendar, not in this schema: a reservation's
-- nights are held in properties.occupations in the same transaction, and its exclusion
-- constraint `occupations_never_overlap` refuses any overlap (409
-- reservation.period_unavailable).
CREATE SCHEMA IF NOT EXISTS reservations;

CREATE TABLE reservations.reservations (
    id                    uuid PRIMARY KEY,
    property_id           uuid NOT NULL,                 -- properties context
    customer_id           uuid,                          -- the guest's user account (users context)
    status                text NOT NULL CHECK (status IN ('pending', 'confirmed', 'completed', 'cancelled')),
    check_in              date NOT NULL,
    check_out             date NOT NULL CHECK (check_out > check_in),  -- a stay lasts a night at least
    adults                integer NOT NULL CHECK (adults >= 1),        -- OccupantsAreValid: an adult stays
    children_ages         smallint[] NOT NULL DEFAULT '{}',
    guest_first_name      text NOT NULL,
    guest_last_name       text NOT NULL,
    guest_email           text NOT NULL,
    guest_phone           text NOT NULL,
    guest_address_line1   text NOT NULL,
    guest_address_line2   text,
    guest_address_postal_code text NOT NULL,
    guest_address_city    text NOT NULL,
    guest_address_region  text,
    guest_address_country char(2) NOT NULL,
    notes                 text,
    -- The price, frozen at booking (or at the last re-pricing), in minor units of `currency`.
    currency              char(3) NOT NULL,
    nights                integer NOT NULL CHECK (nights >= 1),
    rent                  bigint NOT NULL,
    fees                  bigint NOT NULL,
    tourist_tax           bigint NOT NULL,
    total                 bigint NOT NULL CHECK (total >= 0),          -- a price is never negative
    quoted_total          bigint NOT NULL,
    price_set_by_hand     boolean NOT NULL DEFAULT false,
    security_deposit      bigint NOT NULL,
    installments          jsonb NOT NULL,
    cancellation_policy   text NOT NULL,
    quote                 jsonb NOT NULL,               -- the properties quote, line by line, as shown
    -- Filled by the contracts and payments contexts.
    contract_id           uuid,
    contract_status       text,
    amount_paid           bigint NOT NULL DEFAULT 0,
    hold_expires_at       timestamptz NOT NULL,
    confirmed_at          timestamptz,
    completed_at          timestamptz,
    cancelled_at          timestamptz,
    cancelled_by          text,
    cancellation_reason   text,
    refund_due            bigint,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    version               integer NOT NULL,                            -- optimistic concurrency (ETag)
    -- A reservation is cancelled exactly when it has a cancellation (who, why, refund).
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);

CREATE INDEX reservations_created_idx ON reservations.reservations (created_at DESC, id DESC);
CREATE INDEX reservations_customer_idx ON reservations.reservations (customer_id, created_at DESC, id DESC)
    WHERE customer_id IS NOT NULL;
CREATE INDEX reservations_property_idx ON reservations.reservations (property_id, created_at DESC, id DESC);
-- What the expiry and completion jobs look for.
CREATE INDEX reservations_pending_hold_idx ON reservations.reservations (hold_expires_at)
    WHERE status = 'pending';
CREATE INDEX reservations_confirmed_out_idx ON reservations.reservations (check_out)
    WHERE status = 'confirmed';

-- One create per (caller, Idempotency-Key): the primary key makes a concurrent retry wait
-- for the first request, then replay its kept response.
CREATE TABLE reservations.idempotency_keys (
    scope          text NOT NULL,                        -- the caller (user id)
    key            text NOT NULL,
    request_hash   text NOT NULL,                        -- SHA-256 of the request body
    reservation_id uuid NOT NULL,
    response       jsonb NOT NULL,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_idx ON reservations.idempotency_keys (created_at);

-- The reservation's domain events, as the timeline consumer received them; the event id
-- as primary key makes a redelivered event a no-op.
CREATE TABLE reservations.timeline (
    event_id       uuid PRIMARY KEY,
    reservation_id uuid NOT NULL,
    event_type     text NOT NULL,
    occurred_at    timestamptz NOT NULL,
    actor          text,
    payload        jsonb NOT NULL
);
CREATE INDEX timeline_reservation_idx ON reservations.timeline (reservation_id, occurred_at, event_id);
