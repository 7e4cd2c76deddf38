//! The administration context's use cases, each a struct holding its ports.
//!
//! - [`audit_entry`]: what callers ask to record, and the redaction of secrets.
//! - [`commands::verify_audit_chain`]: walks the whole audit chain.
//! - [`commands::replay_dead_letter`]: a dead letter back in the queue, audited.
//! - [`queries::search_audit`]: filtered, keyset-paginated audit search.

pub mod audit_entry;
pub mod commands;
pub mod queries;

pub use audit_entry::{AuditEntry, REDACTED, canonical_json, redact_secrets, sanitize_json};

/// The audit log as the use cases see it: appending [`AuditEntry`]s.
pub type AuditLog = dyn crate::domain::repositories::AuditLogRepository<Entry = AuditEntry>;
