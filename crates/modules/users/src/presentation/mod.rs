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

use utoipa_axum::{router::OpenApiRouter, routes};

use crate::application::Users;

/// What the handlers need: the use cases.
pub type UsersState = Arc<Users>;

/// The routes, relative to `/api/v1`.
pub fn routes() -> OpenApiRouter<UsersState> {
    OpenApiRouter::new()
        .routes(routes!(me::get_me, me::update_my_profile))
        .routes(routes!(users::list_users, users::create_user))
        .routes(routes!(users::get_user, users::update_user))
}
