//! Commands: use cases that act.

pub mod replay_dead_letter;
pub mod verify_audit_chain;
