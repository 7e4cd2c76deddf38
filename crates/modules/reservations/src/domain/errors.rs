//! Why the aggregate refused something: one variant per broken rule, each with a stable
//! code (and the field at fault, when there is one).

use sejour_core::value_objects::{MoneyError, OccupantsError};

use super::reservation_status::ReservationStatus;

/// A broken reservation rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReservationError {
    /// The status does not allow this step (confirming a cancelled booking...).
    #[error("a {from} reservation cannot be {action}")]
    InvalidTransition {
        /// The current status.
        from: ReservationStatus,
        /// What was asked (`confirmed`, `cancelled`, `changed`, `completed`).
        action: &'static str,
    },
    /// The stay has begun: its dates, occupants and guest can no longer be changed.
    #[error("the stay has begun (check-in was on {check_in}); it can no longer be changed")]
    StayStarted {
        /// The arrival day.
        check_in: chrono::NaiveDate,
    },
    /// The stay is not over yet.
    #[error("the stay is not over until {check_out}")]
    StayNotOver {
        /// The departure day.
        check_out: chrono::NaiveDate,
    },
    /// The pending hold has not expired yet.
    #[error("the hold has not expired yet")]
    HoldNotExpired,
    /// No adult among the occupants.
    #[error("at least one adult must stay")]
    NoAdult,
    /// A child's age is not below the age of majority.
    #[error("a child's age must be between 0 and 17 (got {age})")]
    ChildAge {
        /// The age given.
        age: u8,
    },
    /// More occupants than any property takes.
    #[error("at most {max} occupants")]
    TooManyOccupants {
        /// The limit.
        max: u32,
    },
    /// A manual price below what must be collected whatever the deal (fees, tourist tax).
    #[error("a price set by hand must cover the fees and the tourist tax ({minimum} minor units)")]
    ManualPriceTooLow {
        /// The least acceptable total, in minor units.
        minimum: i64,
    },
    /// The manual price is in another currency than the stay's.
    #[error("amounts in different currencies")]
    Money(#[from] MoneyError),
    /// The cancellation reason is empty or too long.
    #[error("a reason of 1 to {max} characters is required")]
    Reason {
        /// The limit.
        max: usize,
    },
    /// Notes are too long.
    #[error("notes are at most {max} characters long")]
    NotesTooLong {
        /// The limit.
        max: usize,
    },
}

/// The party's rule, under this context's codes (`reservation.no_adult`...).
impl From<OccupantsError> for ReservationError {
    fn from(error: OccupantsError) -> Self {
        match error {
            OccupantsError::NoAdult => Self::NoAdult,
            OccupantsError::ChildAge { age } => Self::ChildAge { age },
            OccupantsError::TooMany { max } => Self::TooManyOccupants { max },
        }
    }
}

impl ReservationError {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidTransition { .. } => "reservation.invalid_transition",
            Self::StayStarted { .. } => "reservation.stay_started",
            Self::StayNotOver { .. } => "reservation.stay_not_over",
            Self::HoldNotExpired => "reservation.hold_not_expired",
            Self::NoAdult => "reservation.no_adult",
            Self::ChildAge { .. } => "reservation.child_age",
            Self::TooManyOccupants { .. } => "reservation.too_many_occupants",
            Self::ManualPriceTooLow { .. } => "reservation.manual_price_too_low",
            Self::Money(e) => e.code(),
            Self::Reason { .. } => "reservation.reason_required",
            Self::NotesTooLong { .. } => "reservation.notes_too_long",
        }
    }

    /// The request field at fault, when one is.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Self::NoAdult | Self::TooManyOccupants { .. } => Some("adults"),
            Self::ChildAge { .. } => Some("children"),
            Self::ManualPriceTooLow { .. } | Self::Money(_) => Some("manualTotal"),
            Self::Reason { .. } => Some("reason"),
            Self::NotesTooLong { .. } => Some("notes"),
            _ => None,
        }
    }

    /// Whether it is a conflict with the reservation's state (409) rather than bad input
    /// (422).
    pub fn is_conflict(&self) -> bool {
        matches!(self, Self::InvalidTransition { .. })
    }
}
