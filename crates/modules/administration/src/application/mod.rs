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

use sejour_core::AppError;

/// Maps a storage failure onto the application's error envelope: an unreachable or
/// exhausted database is `Unavailable`, anything else `Internal` (cause logged only).
pub(crate) fn storage_error(error: sqlx::Error) -> AppError {
    match error {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
            AppError::unavailable(error)
        }
        other => AppError::internal(other),
    }
}
