//! The administration context's adapters.
//!
//! - [`repository`]: the audit log table (append under the chain lock, search, batches).
//! - [`audit_consumer`]: [`AuditTrail`], the outbox consumer that records every event.

pub mod audit_consumer;
pub mod repository;

pub use audit_consumer::AuditTrail;
