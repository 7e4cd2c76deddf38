//! The auth context: registration, sign-in with rotating refresh tokens and reuse
//! detection, password change and reset by email, authentication of every request, the
//! first admin. Passwords and tokens are stored only hashed and never logged or audited.
//!
//! - [`domain`]: password policy, refresh rotation rules, events — pure.
//! - [`application`]: the use cases, their ports, and the users context's
//!   `Credentials` implementation.
//! - [`infrastructure`]: argon2id, JWT, the `auth` schema, the purge job, wiring.
//! - [`presentation`]: `/auth/*` and the `authenticate` middleware.

pub mod application;
pub mod domain;
pub mod infrastructure;
pub mod presentation;

/// This context's migrations (the `auth` schema).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");
