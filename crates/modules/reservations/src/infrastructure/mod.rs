//! The reservations context's adapters:
//!
//! - [`repository`]: reservations in PostgreSQL, events on the outbox in the same
//!   transaction, optimistic concurrency on `version`.
//! - [`idempotency`]: `Idempotency-Key`s of creates and their first response.
//! - [`timeline`]: the consumer that records each reservation's events, and their reading.
//! - [`jobs`]: the scheduled jobs (expire pending holds, complete past stays, purge old
//!   idempotency keys).

pub mod idempotency;
pub mod jobs;
pub mod repository;
pub mod timeline;

pub use repository::{PgReservationRepository, ReservationFilter, ReservationRecord};
