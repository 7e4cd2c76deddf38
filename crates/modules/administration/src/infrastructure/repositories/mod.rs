//! PostgreSQL implementations of the administration context's ports.

pub mod audit_log;
pub mod dead_letters;

pub use audit_log::PgAuditLogRepository;
pub use dead_letters::PgDeadLetterRepository;
