//! The users context: accounts, profiles and preferences, roles, staff user management.
//!
//! - [`domain`]: the `User` aggregate, its named rules and events, the repository port;
//!   pure.
//! - [`application`]: the use cases (commands, queries) and the published interface
//!   ([`application::directory`]) the auth context calls.
//! - [`infrastructure`]: the PostgreSQL repository (events on the outbox in the same
//!   transaction) and the directory implementation.
//! - [`presentation`]: the HTTP edge under `/api/v1/users`.
//! - [`published_language`]: the events' type names and payloads, for other contexts.
//!
//! [`module`] plugs the context into the platform.

pub mod application;
pub mod domain;
pub mod infrastructure;
pub mod presentation;
pub mod published_language;

use std::sync::Arc;

use sejour_infrastructure::module::{ContextModule, Shared};

use crate::{
    application::{Users, directory::Credentials},
    infrastructure::{PgUserDirectory, PgUserRepository},
};

/// This context's migrations (the `users` schema).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The published [`application::directory::UserDirectory`], for the contexts that need
/// accounts (auth, owners, reservations). Built before the modules: it needs nothing of
/// them.
pub fn directory(shared: &Shared) -> Arc<PgUserDirectory> {
    Arc::new(PgUserDirectory::on(shared.store()))
}

/// The use cases on PostgreSQL, with `credentials` (the auth context's) for "create a
/// user".
pub fn use_cases(shared: &Shared, credentials: Arc<dyn Credentials>) -> Arc<Users> {
    Arc::new(Users {
        users: Arc::new(PgUserRepository::on(shared.store())),
        uow: Arc::new(shared.unit_of_work()),
        clock: shared.clock.clone(),
        ids: shared.ids.clone(),
        credentials,
    })
}

/// The users context as the platform runs it: its routes and migrations.
#[doc(alias = "UsersModule")]
pub fn module(shared: &Shared, credentials: Arc<dyn Credentials>) -> ContextModule {
    ContextModule::new("users", &MIGRATOR)
        .routes(presentation::routes().with_state(use_cases(shared, credentials)))
}
