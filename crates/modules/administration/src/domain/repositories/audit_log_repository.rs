//! [`AuditLogRepository`]: the tamper-evident audit log.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Tx};

use crate::domain::AuditRecord;

/// Which rows a search returns; every present field must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Exactly this actor label.
    pub actor: Option<String>,
    /// Exactly this action.
    pub action: Option<String>,
    /// Exactly this target type.
    pub target_type: Option<String>,
    /// Exactly this target id.
    pub target_id: Option<String>,
    /// At or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Before this instant.
    pub to: Option<DateTime<Utc>>,
    /// Rows older than this seq only (the keyset cursor).
    pub before_seq: Option<i64>,
}

/// The audit log: rows chained by hash, appended inside the caller's transaction.
#[async_trait]
pub trait AuditLogRepository: Send + Sync + 'static {
    /// What is appended: the application's `AuditEntry`, whose before/after documents are
    /// JSON, which the domain does not name.
    type Entry: Send + 'static;

    /// Appends `entry` (secrets redacted) after the current head, inside `tx`, so that
    /// the row commits with the change it describes or not at all.
    async fn append(&self, tx: &mut Tx, entry: Self::Entry) -> Result<AuditRecord, AppError>;

    /// The rows matching `filter`, newest (highest seq) first, at most `limit`.
    async fn search(&self, filter: &AuditFilter, limit: i64) -> Result<Vec<AuditRecord>, AppError>;

    /// Up to `limit` rows with seq greater than `after_seq`, in chain (seq) order.
    async fn batch(&self, after_seq: i64, limit: i64) -> Result<Vec<AuditRecord>, AppError>;
}
