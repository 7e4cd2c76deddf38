//! The `auth` schema: the PostgreSQL implementations of the domain's repository ports.

pub mod pg_credential_repository;
pub mod pg_password_reset_repository;
pub mod pg_session_repository;

pub use pg_credential_repository::PgCredentialRepository;
pub use pg_password_reset_repository::PgPasswordResetRepository;
pub use pg_session_repository::PgSessionRepository;
