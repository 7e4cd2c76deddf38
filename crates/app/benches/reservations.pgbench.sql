-- pgbench script of `benches/reservations.rs`: what the database executes for one
-- `POST /api/v1/reservations` (a guest, no Idempotency-Key), statement for statement and
-- transaction for transaction, the SQL text copied from the code. Each `$n` of the code
-- is replaced by a pgbench variable, except:
--   * new ids (UUIDv7 from the app) are `gen_random_uuid()` (PostgreSQL 15 has no
--     uuidv7()); the reservation id repeated as a reference / aggregate id is another
--     `gen_random_uuid()::text`;
--   * "now" (the app's clock) is `now()`;
--   * values the app binds as NULL are the literal NULL (a pgbench variable cannot be NULL);
--   * the property id is built from an integer: the bench generates property ids
--     `00000000-0000-7000-8000-1000000000XX`, i.e. `('00000000-0000-7000-8000-' || :pid)::uuid`.
--
-- Set by the bench with -D: n (0), properties, session_id, user_id (the bench guest's
-- open session and account), o_kind, r_* (columns of a reservation created over HTTP),
-- m_* (columns of its outbox message).
--
-- Dates never conflict: transaction n of client c takes slot s = 64 n + c, i.e. property
-- 1 + s % properties and a stay of 1-14 nights inside month s / properties from January
-- 2100 (the HTTP run books 2027), so the exclusion constraint is never violated.

\set n :n + 1
\set s :n * 64 + :client_id
\set pid 100000000001 + :s % :properties
\set q :s / :properties
\set nights random(1, 14)
\set check_in (2100 + :q / 12) * 10000 + (1 + :q % 12) * 100 + random(1, 14)
\set check_out :check_in + :nights

-- Authentication middleware (auth/src/application/queries/authenticate.rs):
-- auth/src/infrastructure/repository.rs `session_is_active`
SELECT EXISTS (SELECT 1 FROM auth.sessions WHERE id = :session_id AND revoked_at IS NULL);
-- users/src/infrastructure/repository.rs `PgUserRepository::get` (via PgUserDirectory::get)
SELECT id, email, first_name, last_name, phone, language, role, disabled, created_at, updated_at, version FROM users.users WHERE id = :user_id;

-- The quote (properties/src/application/catalog.rs `Catalog::quote` ->
-- PgPropertyRepository::get -> properties/src/infrastructure/repository.rs `load`), on one
-- pooled connection, outside any transaction:
SELECT id, slug, name, kind, status, address, latitude, longitude, max_guests, bedrooms, beds, bathrooms, floor_area_m2, registration_number, description_fr, description_en, check_in_time, check_out_time, house_rules, amenities, amenities_other, rates, tourist_tax, version FROM properties.properties WHERE id = ('00000000-0000-7000-8000-' || :pid)::uuid;
SELECT owner_id, share_bp FROM properties.property_owners WHERE property_id = ('00000000-0000-7000-8000-' || :pid)::uuid ORDER BY owner_id;
SELECT id, position FROM properties.photos WHERE property_id = ('00000000-0000-7000-8000-' || :pid)::uuid ORDER BY position, id;

-- The booking transaction (reservations/src/application/commands/create_reservation.rs):
BEGIN;
-- Catalog::hold -> properties/src/infrastructure/calendar.rs `occupy`
INSERT INTO properties.occupations (id, property_id, dates, kind, reference, feed_id, note, created_at) VALUES (gen_random_uuid(), ('00000000-0000-7000-8000-' || :pid)::uuid, daterange(:check_in, :check_out, '[)'), :o_kind, gen_random_uuid()::text, NULL, NULL, now());
-- reservations/src/infrastructure/repository.rs `PgReservationRepository::insert`
INSERT INTO reservations.reservations (id, property_id, customer_id, status, check_in, check_out, adults, children_ages, guest_first_name, guest_last_name, guest_email, guest_phone, guest_address_line1, guest_address_line2, guest_address_postal_code, guest_address_city, guest_address_region, guest_address_country, notes, currency, nights, rent, fees, tourist_tax, total, quoted_total, price_set_by_hand, security_deposit, installments, cancellation_policy, quote, contract_id, contract_status, amount_paid, hold_expires_at, confirmed_at, completed_at, cancelled_at, cancelled_by, cancellation_reason, refund_due, created_at, updated_at, version) VALUES (gen_random_uuid(), ('00000000-0000-7000-8000-' || :pid)::uuid, :user_id, :r_status, :check_in, :check_out, :r_adults, :r_children_ages, :r_guest_first_name, :r_guest_last_name, :r_guest_email, :r_guest_phone, :r_guest_address_line1, NULL, :r_guest_address_postal_code, :r_guest_address_city, NULL, :r_guest_address_country, NULL, :r_currency, :nights, :r_rent, :r_fees, :r_tourist_tax, :r_total, :r_quoted_total, :r_price_set_by_hand, :r_security_deposit, :r_installments, :r_cancellation_policy, :r_quote, NULL, NULL, :r_amount_paid, :r_hold_expires_at, NULL, NULL, NULL, NULL, NULL, NULL, now(), now(), :r_version);
-- its ReservationCreated: Store::publish -> infrastructure/src/queue/outbox.rs `publish`
-- (the AFTER INSERT trigger queue.fan_out inserts one queue.deliveries row per subscribed
-- consumer, whose statement trigger queue.notify calls pg_notify)
INSERT INTO queue.messages (id, kind, type, aggregate_type, aggregate_id, version, payload, occurred_at, correlation_id, causation_id, actor, ip) VALUES (gen_random_uuid(), :m_kind, :m_type, :m_aggregate_type, gen_random_uuid()::text, :m_version, :m_payload, now(), :m_correlation_id, :m_causation_id, :m_actor, :m_ip);
COMMIT;
