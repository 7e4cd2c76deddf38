//! The auth context: registration, sign-in with rotating refresh tokens and reuse
//! detection, password change and reset by email, authentication of every request, the
//! first admin. Passwords and tokens are stored only hashed and never logged or audited.
//!
//! - [`domain`]: password policy, refresh rotation rules, events, repository ports — pure.
//! - [`application`]: the use cases, their ports, and the users context's
//!   `Credentials` implementation.
//! - [`infrastructure`]: argon2id, JWT, the `auth` schema, the purge job, wiring.
//! - [`presentation`]: `/auth/*` and the `authenticate` middleware.
//! - [`published_language`]: the events' type names and payloads, for other contexts.
//!
//! [`auth`] builds the use cases once (the edge's `authenticate` middleware and the users
//! context's "create a user" need them too); [`module`] plugs the context into the
//! platform.

pub mod application;
pub mod domain;
pub mod infrastructure;
pub mod presentation;
pub mod published_language;

use std::sync::Arc;

use sejour_core::AppError;
use sejour_infrastructure::module::{ContextModule, Shared};
use sejour_users::application::directory::UserDirectory;

use crate::{
    application::Auth,
    infrastructure::{purge, wiring::auth_from_settings},
};

/// This context's migrations (the `auth` schema).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// How often expired tokens are purged.
const PURGE_CRON: &str = "41 * * * *";

/// The use cases on the shared adapters, with `users` (the users context's published
/// directory). Fails when the settings lack a usable JWT secret.
pub fn auth(shared: &Shared, users: Arc<dyn UserDirectory>) -> Result<Arc<Auth>, AppError> {
    auth_from_settings(shared, users).map(Arc::new)
}

/// The auth context as the platform runs it, on `auth` (from [`auth`]): its routes, the
/// purge of expired tokens and its migrations.
#[doc(alias = "AuthModule")]
pub fn module(shared: &Shared, auth: &Arc<Auth>) -> ContextModule {
    ContextModule::new("auth", &MIGRATOR)
        .routes(presentation::routes().with_state(auth.clone()))
        .consumer(Arc::new(purge::PurgeExpiredTokens::new(
            shared.clock.clone(),
        )))
        .schedule("auth.purge_expired_tokens", PURGE_CRON, purge::JOB)
}
