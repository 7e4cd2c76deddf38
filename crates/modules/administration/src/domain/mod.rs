//! The administration context's domain: pure types and rules, no I/O.
//!
//! - [`audit`]: the audit record and its hash chain (what makes the log tamper-evident).

pub mod audit;

pub use audit::{
    AuditDraft, AuditRecord, ChainBreak, ChainBroken, GENESIS_HASH, audit_timestamp, verify_chain,
};
