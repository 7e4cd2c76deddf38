//! The PostgreSQL implementations of the domain's repository traits.

pub mod pg_idempotency_key_repository;
pub mod pg_reservation_repository;

pub use pg_idempotency_key_repository::PgIdempotencyKeyRepository;
pub use pg_reservation_repository::PgReservationRepository;
