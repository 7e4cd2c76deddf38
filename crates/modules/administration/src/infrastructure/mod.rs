//! The administration context's adapters.
//!
//! - [`repositories`]: the audit log table (append under the chain lock, search,
//!   batches) and the queue's dead letters.
//! - [`audit_consumer`]: [`AuditTrail`], the outbox consumer that records every event.

pub mod audit_consumer;
pub mod repositories;

pub use audit_consumer::AuditTrail;
pub use repositories::{PgAuditLogRepository, PgDeadLetterRepository};
