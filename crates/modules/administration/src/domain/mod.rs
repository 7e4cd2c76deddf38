//! The administration context's domain: audit records and their hash chain, no I/O.
//!
//! - [`audit`]: the audit record and its hash chain (what makes the log tamper-evident).
//! - [`repositories`]: the ports the audit log and the dead letters are reached through.

pub mod audit;
pub mod repositories;

pub use audit::{
    AuditDraft, AuditRecord, ChainBreak, ChainBroken, GENESIS_HASH, audit_timestamp, verify_chain,
};
