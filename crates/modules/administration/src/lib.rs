//! The administration context: the tamper-evident audit log (and, at its HTTP edge,
//! dead-letter inspection and replay).
//!
//! - [`domain`]: audit records and the hash chain, pure.
//! - [`application`]: audit entries (with secrets redacted), search and verification.
//! - [`infrastructure`]: the PostgreSQL audit log and the consumer that audits events.
//! - [`presentation`]: the HTTP edge.

use std::sync::Arc;

use sejour_core::{Clock, IdGenerator};
use sejour_infrastructure::queue::Consumer;

pub mod application;
pub mod domain;
pub mod infrastructure;
pub mod presentation;

/// This context's migrations (the `administration` schema).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// This context's outbox consumers, for the composition root: the audit trail.
pub fn consumers(clock: Arc<dyn Clock>, ids: Arc<dyn IdGenerator>) -> Vec<Arc<dyn Consumer>> {
    vec![Arc::new(infrastructure::AuditTrail::new(clock, ids))]
}
