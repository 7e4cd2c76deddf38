//! The reservations context's HTTP edge, nested by the app under `/api/v1`:
//!
//! | route | who | module |
//! |---|---|---|
//! | `POST /reservations` | a guest (for themself), staff (for anyone) | [`reservations`] |
//! | `GET /reservations` | staff: all; owners: their properties' (reduced) | [`reservations`] |
//! | `GET /reservations/{id}` | staff, the guest who booked, an owner (reduced) | [`reservations`] |
//! | `PATCH /reservations/{id}` | staff, the guest who booked | [`reservations`] |
//! | `POST /reservations/{id}/confirm` | staff | [`reservations`] |
//! | `POST /reservations/{id}/cancel` | staff, the guest who booked | [`reservations`] |
//! | `GET /reservations/{id}/cancellation` | staff, the guest who booked | [`reservations`] |
//! | `GET /reservations/{id}/events` | whoever may see it | [`reservations`] |
//! | `GET /me/reservations` | any signed-in user: their own | [`reservations`] |
//!
//! Reads answer an `ETag: "<version>"`; changes honour `If-Match` (412 when stale);
//! creates honour `Idempotency-Key`.

pub mod dto;
pub mod reservations;
pub mod schemas;

use std::sync::Arc;

use utoipa_axum::{router::OpenApiRouter, routes};

use crate::application::Reservations;

/// What the handlers need.
pub type ReservationsState = Arc<Reservations>;

/// The routes, relative to `/api/v1`.
pub fn routes() -> OpenApiRouter<ReservationsState> {
    OpenApiRouter::new()
        .routes(routes!(
            reservations::search_reservations,
            reservations::create_reservation
        ))
        .routes(routes!(
            reservations::get_reservation,
            reservations::update_reservation
        ))
        .routes(routes!(reservations::confirm_reservation))
        .routes(routes!(reservations::cancel_reservation))
        .routes(routes!(reservations::preview_cancellation))
        .routes(routes!(reservations::reservation_events))
        .routes(routes!(reservations::my_reservations))
}
