//! The PostgreSQL implementations of the domain's repository ports.

pub mod pg_user_repository;

pub use pg_user_repository::PgUserRepository;
