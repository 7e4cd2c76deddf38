//! The owners context's HTTP edge, nested by the app under `/api/v1`:
//!
//! | route | who | module |
//! |---|---|---|
//! | `GET /owners` | staff: every owner; an owner's account: its own record; guests 403 | [`owners`] |
//! | `POST /owners` | admin, manager | [`owners`] |
//! | `GET /owners/{id}` | staff: any; an owner's account: its own (else 404); guests 404 | [`owners`] |
//! | `PATCH /owners/{id}` | admin, manager | [`owners`] |
//!
//! Reads answer an `ETag: "<version>"`; updates honour `If-Match` (412 when stale). The
//! IBAN is shown whole to administrators only, masked to everyone else.

pub mod dto;
pub mod owners;

use std::sync::Arc;

use sejour_core::{Clock, IdGenerator};
use sejour_users::application::directory::UserDirectory;
use sqlx::PgPool;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::infrastructure::PgOwnerRepository;

/// What the handlers need.
#[derive(Clone)]
pub struct OwnersState {
    /// The database.
    pub pool: PgPool,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Identity.
    pub ids: Arc<dyn IdGenerator>,
    /// User accounts, owned by the users context (to check the account linked to an
    /// owner exists and has the role `owner`).
    pub users: Arc<dyn UserDirectory>,
}

impl OwnersState {
    /// The owner repository on this state's pool, clock and ids.
    pub fn repository(&self) -> PgOwnerRepository {
        PgOwnerRepository::new(self.pool.clone(), self.clock.clone(), self.ids.clone())
    }
}

/// The routes, relative to `/api/v1`.
pub fn routes() -> OpenApiRouter<OwnersState> {
    OpenApiRouter::new()
        .routes(routes!(owners::list_owners, owners::create_owner))
        .routes(routes!(owners::get_owner, owners::update_owner))
}
