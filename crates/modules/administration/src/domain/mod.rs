//! The administration context's domain: audit records and their hash chain, no I/O.
//!
//! - [`audit`]: the audit record and its hash chain (what makes the log tamper-evident).
//! - [`audit_entry`]: what a caller asks to record, with secrets redacted (documents are
//!   JSON, hence `serde_json` here).
//! - [`repositories`]: the ports the audit log and the dead letters are reached through.

pub mod audit;
pub mod audit_entry;
pub mod repositories;

pub use audit::{
    AuditDraft, AuditRecord, ChainBreak, ChainBroken, GENESIS_HASH, audit_timestamp, verify_chain,
};
pub use audit_entry::{AuditEntry, REDACTED, canonical_json, redact_secrets, sanitize_json};
