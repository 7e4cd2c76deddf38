//! The ports through which the use cases reach stored reservations and idempotency keys.
//! Writes take the business transaction ([`sejour_core::Tx`]) so that one use case spans
//! several of them (a reservation, its calendar hold, its outbox event, its key); plain
//! reads use their own connection.

pub mod idempotency_key_repository;
pub mod reservation_repository;

pub use idempotency_key_repository::{Claim, IdempotencyKeyRepository};
pub use reservation_repository::{
    ReservationFilter, ReservationRecord, ReservationRepository, TimelineEntry,
};
