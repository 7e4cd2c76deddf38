//! The reservations context: a guest's booking of a property — the heart of the seed's
//! `POST /reservations → CreateReservationCommand → CreateReservationHandler →
//! ReservationDomainService → ReservationRepository → PostgreSQL`.
//!
//! - [`domain`]: the `Reservation` aggregate (guests, frozen price and payment schedule,
//!   status `pending → confirmed → completed` or `cancelled`), its named rules, events and
//!   the refund domain service. Pure.
//! - [`application`]: the seed's commands (Create, Update, Confirm, Cancel) and queries
//!   (Get, Search, GetCustomerReservations, timeline), the expiry and completion jobs'
//!   use cases, who may see what, and idempotent creation. Reaches the properties context
//!   through its published `PropertyCatalog` only.
//! - [`infrastructure`]: the PostgreSQL repository (events on the outbox in the same
//!   transaction), idempotency keys, the timeline consumer, the scheduled jobs.
//! - [`presentation`]: the HTTP edge under `/api/v1/reservations` and
//!   `/api/v1/me/reservations`.

pub mod application;
pub mod domain;
pub mod infrastructure;
pub mod presentation;

/// This context's migrations (the `reservations` schema).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");
