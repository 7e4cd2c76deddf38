//! The users context: accounts, profiles and preferences, roles, staff user management.
//!
//! - [`domain`]: the `User` aggregate, its named rules and events, pure.
//! - [`application`]: the use cases (commands, queries) and the published interface
//!   ([`application::directory`]) the auth context calls.
//! - [`infrastructure`]: the PostgreSQL repository (events on the outbox in the same
//!   transaction) and the directory implementation.
//! - [`presentation`]: the HTTP edge under `/api/v1/users`.

pub mod application;
pub mod domain;
pub mod infrastructure;
pub mod presentation;

/// This context's migrations (the `users` schema).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");
