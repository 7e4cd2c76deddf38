//! Commands: use cases that act (here: checking the audit chain).

pub mod verify_audit_chain;
