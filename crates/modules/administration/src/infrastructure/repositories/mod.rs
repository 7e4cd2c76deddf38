//! PostgreSQL implementations of the administration context's ports.

pub mod pg_audit_log_repository;
pub mod pg_dead_letter_repository;

pub use pg_audit_log_repository::PgAuditLogRepository;
pub use pg_dead_letter_repository::PgDeadLetterRepository;
