//! The administration context's use cases.
//!
//! - [`audit_entry`]: what callers ask to record, and the redaction of secrets.
//! - [`commands::verify_audit_chain`]: walks the whole audit chain.
//! - [`queries::search_audit`]: filtered, keyset-paginated audit search.
//!
//! Use cases take a `&PgPool` and go through [`crate::infrastructure::repository`].

pub mod audit_entry;
pub mod commands;
pub mod queries;

pub use audit_entry::{AuditEntry, REDACTED, canonical_json, redact_secrets, sanitize_json};

pub(crate) use sejour_infrastructure::db::storage_error;
