//! The users context's HTTP edge, nested by the app under `/api/v1`:
//!
//! | route | who | module |
//! |---|---|---|
//! | `GET /users/me`, `PATCH /users/me` | any signed-in user | [`me`] |
//! | `GET /users` | admin, manager | [`users`] |
//! | `POST /users` | admin | [`users`] |
//! | `GET /users/{id}` | staff: anyone; others: themself (else 404) | [`users`] |
//! | `PATCH /users/{id}` | admin | [`users`] |
//!
//! Reads answer an `ETag: "<version>"`; updates honour `If-Match` (412 when stale).

pub mod dto;
pub mod me;
pub mod users;

use std::sync::Arc;

use sejour_core::{Clock, IdGenerator};
use sqlx::PgPool;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{application::directory::Credentials, infrastructure::PgUserRepository};

/// What the handlers need.
#[derive(Clone)]
pub struct UsersState {
    /// The database.
    pub pool: PgPool,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Identity.
    pub ids: Arc<dyn IdGenerator>,
    /// Password storage, owned by the auth context (for `POST /users`).
    pub credentials: Arc<dyn Credentials>,
}

impl UsersState {
    /// The user repository on this state's pool, clock and ids.
    pub fn repository(&self) -> PgUserRepository {
        PgUserRepository::new(self.pool.clone(), self.clock.clone(), self.ids.clone())
    }
}

/// The routes, relative to `/api/v1`.
pub fn routes() -> OpenApiRouter<UsersState> {
    OpenApiRouter::new()
        .routes(routes!(me::get_me, me::update_my_profile))
        .routes(routes!(users::list_users, users::create_user))
        .routes(routes!(users::get_user, users::update_user))
}
