//! The ports of the administration context; implemented on PostgreSQL in the
//! infrastructure layer.

mod audit_log_repository;
mod dead_letter_repository;

pub use audit_log_repository::{AuditFilter, AuditLogRepository};
pub use dead_letter_repository::{DeadLetterRepository, DeadLetterSummary};
