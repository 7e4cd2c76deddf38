//! PostgreSQL implementations of the owners domain's repository ports.

mod pg_owner_repository;

pub use pg_owner_repository::PgOwnerRepository;
