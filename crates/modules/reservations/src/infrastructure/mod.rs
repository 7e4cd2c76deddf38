//! The reservations context's adapters:
//!
//! - [`repositories`]: [`PgReservationRepository`] (reservations in PostgreSQL, events on
//!   the outbox in the same transaction, optimistic concurrency on `version`, the
//!   timeline's reading) and [`PgIdempotencyKeyRepository`] (`Idempotency-Key`s of
//!   creates and their first response).
//! - [`timeline`]: the consumer that records each reservation's events.
//! - [`jobs`]: the scheduled jobs (expire pending holds, complete past stays, purge old
//!   idempotency keys).
//! - [`payments`]: the consumer recording the money the payments context took.

pub mod jobs;
pub mod payments;
pub mod repositories;
pub mod timeline;

pub use repositories::{PgIdempotencyKeyRepository, PgReservationRepository};
