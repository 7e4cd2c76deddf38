//! The administration context: the tamper-evident audit log (and, at its HTTP edge,
//! dead-letter inspection and replay).
//!
//! - [`domain`]: audit records and the hash chain, pure.
//! - [`application`]: audit entries (with secrets redacted), search and verification.
//! - [`infrastructure`]: the PostgreSQL audit log and the consumer that audits events.
//! - [`presentation`]: the HTTP edge.
//! - [`published_language`]: the names of its own audit rows.
//! - [`module()`]: all of it, as the platform plugs it in.

pub mod application;
pub mod domain;
pub mod infrastructure;
mod module;
pub mod presentation;
pub mod published_language;

pub use module::{audit_log, module};

/// This context's migrations (the `administration` schema).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");
