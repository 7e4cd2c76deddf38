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
pub mod schemas;

use utoipa::Modify;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::application::OwnerUseCases;

/// What the handlers need: the owners use cases.
pub type OwnersState = OwnerUseCases;

/// The routes, relative to `/api/v1`.
pub fn routes() -> OpenApiRouter<OwnersState> {
    let mut router = OpenApiRouter::new()
        .routes(routes!(owners::list_owners, owners::create_owner))
        .routes(routes!(owners::get_owner, owners::update_owner));
    schemas::CreateOwnerRules.modify(router.get_openapi_mut());
    router
}
