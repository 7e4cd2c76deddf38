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
use sejour_core::{AppError, FieldError};
use sejour_owners::application::directory::OwnerDirectory;
use sejour_properties::application::catalog::{PropertyCatalog, Quote};
use sejour_users::application::directory::UserDirectory;

use crate::{
    domain::{Installment, InstallmentKind, PriceBreakdown, ReservationError},
    infrastructure::PgReservationRepository,
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
pub(crate) fn price_of(quote: &Quote) -> PriceBreakdown {
    use sejour_properties::application::catalog::InstallmentKind as Quoted;
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
        installments: quote
            .schedule
            .installments
            .iter()
            .map(|i| Installment {
                kind: match i.kind {
                    Quoted::Deposit => InstallmentKind::Deposit,
                    Quoted::Balance => InstallmentKind::Balance,
                    Quoted::FullPayment => InstallmentKind::FullPayment,
                },
                amount: i.amount,
                due_on: i.due_on,
            })
            .collect(),
        cancellation_policy: quote.cancellation_policy,
    }
}
