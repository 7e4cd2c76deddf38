//! The reservations context's use cases.
//!
//! - [`commands`]: the seed's `CreateReservationCommand`, `UpdateReservationCommand`,
//!   `ConfirmReservationCommand`, `CancelReservationCommand`, and the scheduled
//!   `expire_holds` and `complete_stays`.
//! - [`queries`]: `GetReservationQuery`, `SearchReservationsQuery`,
//!   `GetCustomerReservationsQuery`, and the events timeline.
//!
//! The use cases reach storage through the domain's repository traits and the
//! [`UnitOfWork`], never through an adapter.
//! - [`access`]: who sees what of a reservation.
//! - [`input`]: the raw guest fields, parsed with every invalid one listed.
//!
//! The properties context is reached through its published
//! [`PropertyCatalog`] only: to quote a stay and to hold or free its dates in our
//! transaction.

pub mod access;
pub mod bookings;
pub mod commands;
pub mod input;
pub mod pricing;
pub mod queries;

use std::sync::Arc;

use chrono::Duration;
use sejour_core::{
    AppError, Clock, FieldError, IdGenerator, Tx, UnitOfWork, value_objects::ReservationPeriod,
};
use sejour_owners::application::directory::OwnerDirectory;
use sejour_properties::application::catalog::PropertyCatalog;
use sejour_users::application::directory::UserDirectory;
use uuid::Uuid;

use crate::domain::{
    IdempotencyKeyRepository, Occupants, PriceBreakdown, Reservation, ReservationDomainService,
    ReservationError, ReservationRecord, ReservationRepository,
};
use pricing::StayPricing;

/// The quote of a stay as shown, and the response of a create as first answered: JSON.
pub type Json = serde_json::Value;

/// A stored reservation with its quote as shown.
pub type Record = ReservationRecord<Json>;

/// Code of the 409 answered when the dates overlap another booking or block.
pub const PERIOD_UNAVAILABLE: &str = "reservation.period_unavailable";

/// What the use cases work with, built once by [`crate::module`].
#[derive(Clone)]
pub struct Reservations {
    /// The reservations.
    pub reservations: Arc<dyn ReservationRepository<Quote = Json>>,
    /// The `Idempotency-Key`s of creates.
    pub keys: Arc<dyn IdempotencyKeyRepository<Response = Json>>,
    /// Business transactions.
    pub uow: Arc<dyn UnitOfWork>,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Identity.
    pub ids: Arc<dyn IdGenerator>,
    /// The properties context's published interface (the calendar, who owns what).
    pub catalog: Arc<dyn PropertyCatalog>,
    /// The price of a stay, from the catalogue's quote ([`pricing::CatalogPricing`]).
    pub pricing: Arc<dyn StayPricing>,
    /// The owners context's published interface (which owner a user stands for).
    pub owners: Arc<dyn OwnerDirectory>,
    /// The users context's published interface (the account a manager books for).
    pub users: Arc<dyn UserDirectory>,
    /// How long a pending booking holds its dates unconfirmed.
    pub hold: Duration,
}

impl Reservations {
    /// The reservation `id`, locked in `tx` until it ends; 404 when it does not exist.
    pub(crate) async fn lock(&self, tx: &mut Tx, id: Uuid) -> Result<Record, AppError> {
        self.reservations
            .find_for_update(tx, id)
            .await?
            .ok_or_else(|| AppError::not_found("reservation"))
    }

    /// The reservation `id`; 404 when it does not exist.
    pub(crate) async fn find(&self, id: Uuid) -> Result<Record, AppError> {
        self.reservations
            .find_by_id(id)
            .await?
            .ok_or_else(|| AppError::not_found("reservation"))
    }

    /// Re-quotes a stay at `property_id` through the catalogue: its frozen price (with
    /// the total set by hand when `manual_total` is given) and the quote as shown.
    pub(crate) async fn price(
        &self,
        property_id: Uuid,
        period: ReservationPeriod,
        occupants: &Occupants,
        manual_total: Option<i64>,
    ) -> Result<(PriceBreakdown, Json), AppError> {
        let (quoted, shown) = self.pricing.quote(property_id, period, occupants).await?;
        let price = ReservationDomainService::frozen_price(quoted, manual_total)?;
        Ok((price, shown))
    }
}

/// 412 `reservation.version_mismatch` unless `expected` (from `If-Match`), when given, is
/// `reservation`'s version.
pub(crate) fn ensure_version(
    reservation: &Reservation,
    expected: Option<i32>,
) -> Result<(), AppError> {
    sejour_core::ensure_version("reservation", reservation.version(), expected)
}

/// The 409 `reservation.period_unavailable` for the calendar's refusal; other errors
/// pass through.
pub(crate) fn dates_taken(error: AppError) -> AppError {
    if error.code == "calendar.period_unavailable" {
        AppError::conflict(
            PERIOD_UNAVAILABLE,
            "These dates are no longer available at this property.",
        )
    } else {
        error
    }
}

/// A broken rule: 409 for a step the status does not allow, else 422 naming the field.
impl From<ReservationError> for AppError {
    fn from(error: ReservationError) -> Self {
        if error.is_conflict() {
            return AppError::conflict(error.code(), format!("This {error}."));
        }
        let mut err = AppError::rule(error.code(), error.to_string());
        if let Some(field) = error.field() {
            err.errors = vec![FieldError::new(field, error.code(), error.to_string())];
        }
        err
    }
}
