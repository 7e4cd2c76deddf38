//! The reservations context's use cases.
//!
//! - [`commands`]: the seed's `CreateReservationCommand`, `UpdateReservationCommand`,
//!   `ConfirmReservationCommand`, `CancelReservationCommand`, and the scheduled
//!   `expire_holds` and `complete_stays`.
//! - [`queries`]: `GetReservationQuery`, `SearchReservationsQuery`,
//!   `GetCustomerReservationsQuery`, and the events timeline.
//! - [`access`]: who sees what of a reservation.
//! - [`input`]: the raw guest fields, parsed with every invalid one listed.
//!
//! The properties context is reached through its published
//! [`PropertyCatalog`] only: to quote a stay and to hold or free its dates in our
//! transaction.

pub mod access;
pub mod commands;
pub mod input;
pub mod queries;

use std::sync::Arc;

use chrono::Duration;
use sejour_core::{
    AppError, FieldError,
    value_objects::{Money, ReservationPeriod},
};
use sejour_owners::application::directory::OwnerDirectory;
use sejour_properties::application::catalog::{PropertyCatalog, Quote, QuoteStayQuery};
use sejour_users::application::directory::UserDirectory;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::{
    domain::{Occupants, PriceBreakdown, Reservation, ReservationError},
    infrastructure::{PgReservationRepository, ReservationRecord},
};

pub use crate::infrastructure::repository::{VERSION_MISMATCH, version_mismatch};

/// Code of the 409 answered when the dates overlap another booking or block.
pub const PERIOD_UNAVAILABLE: &str = "reservation.period_unavailable";

/// What the use cases work with, built once by the composition root.
#[derive(Clone)]
pub struct Reservations {
    /// The reservations.
    pub repo: PgReservationRepository,
    /// The properties context's published interface.
    pub catalog: Arc<dyn PropertyCatalog>,
    /// The owners context's published interface (which owner a user stands for).
    pub owners: Arc<dyn OwnerDirectory>,
    /// The users context's published interface (the account a manager books for).
    pub users: Arc<dyn UserDirectory>,
    /// How long a pending booking holds its dates unconfirmed.
    pub hold: Duration,
}

impl Reservations {
    /// The reservation `id`, locked on `conn` until its transaction ends; 404 when it
    /// does not exist.
    pub(crate) async fn lock(
        &self,
        conn: &mut PgConnection,
        id: Uuid,
    ) -> Result<ReservationRecord, AppError> {
        self.repo
            .get_for_update(conn, id)
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
    ) -> Result<(PriceBreakdown, serde_json::Value), AppError> {
        let quote = self
            .catalog
            .quote(QuoteStayQuery {
                property_id,
                check_in: period.check_in(),
                check_out: period.check_out(),
                adults: occupants.adults(),
                children_ages: occupants.children_ages().to_vec(),
            })
            .await?;
        let mut price = price_of(&quote);
        if let Some(total) = manual_total {
            price = price.set_by_hand(Money::new(total, price.currency))?;
        }
        let shown = serde_json::to_value(&quote).map_err(AppError::internal)?;
        Ok((price, shown))
    }
}

/// 412 unless `expected` (from `If-Match`), when given, is `reservation`'s version.
pub(crate) fn ensure_version(
    reservation: &Reservation,
    expected: Option<i32>,
) -> Result<(), AppError> {
    match expected {
        Some(version) if version != reservation.version() => Err(version_mismatch()),
        _ => Ok(()),
    }
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

/// The frozen price of a stay from the properties quote.
fn price_of(quote: &Quote) -> PriceBreakdown {
    PriceBreakdown {
        currency: quote.currency,
        nights: quote.nights,
        rent: quote.rent,
        fees: quote.fees,
        tourist_tax: quote.tourist_tax.total,
        total: quote.total,
        quoted_total: quote.total,
        set_by_hand: false,
        security_deposit: quote.security_deposit,
        installments: quote.schedule.installments.clone(),
        cancellation_policy: quote.cancellation_policy,
    }
}
