//! The check-in and check-out dates of a stay.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::DateRange;

/// Why a reservation period was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReservationPeriodError {
    /// Check-out is on the check-in day: a stay must last at least one night.
    #[error("a stay must last at least one night: check-out {check_out} is the check-in day")]
    TooShort {
        /// Arrival day.
        check_in: NaiveDate,
        /// Departure day.
        check_out: NaiveDate,
    },
    /// Check-out comes before check-in.
    #[error("check-out {check_out} is before check-in {check_in}")]
    CheckOutBeforeCheckIn {
        /// Arrival day.
        check_in: NaiveDate,
        /// Departure day.
        check_out: NaiveDate,
    },
}

impl ReservationPeriodError {
    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooShort { .. } => "reservation_period.too_short",
            Self::CheckOutBeforeCheckIn { .. } => "reservation_period.check_out_before_check_in",
        }
    }
}

/// The dates of a stay: arrival on `check_in`, departure on `check_out`, at least one night.
///
/// The nights booked are the half-open range `[check_in, check_out)`. Serialized as
/// `{"checkIn": "2026-07-01", "checkOut": "2026-07-08"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "ReservationPeriodRaw", into = "ReservationPeriodRaw")]
pub struct ReservationPeriod {
    nights: DateRange,
}

/// The wire shape of [`ReservationPeriod`].
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ReservationPeriodRaw {
    check_in: NaiveDate,
    check_out: NaiveDate,
}

impl TryFrom<ReservationPeriodRaw> for ReservationPeriod {
    type Error = ReservationPeriodError;

    fn try_from(raw: ReservationPeriodRaw) -> Result<Self, Self::Error> {
        Self::new(raw.check_in, raw.check_out)
    }
}

impl From<ReservationPeriod> for ReservationPeriodRaw {
    fn from(period: ReservationPeriod) -> Self {
        Self {
            check_in: period.check_in(),
            check_out: period.check_out(),
        }
    }
}

impl ReservationPeriod {
    /// A stay from `check_in` to `check_out`; `check_out` must be after `check_in`.
    pub fn new(check_in: NaiveDate, check_out: NaiveDate) -> Result<Self, ReservationPeriodError> {
        if check_out == check_in {
            return Err(ReservationPeriodError::TooShort {
                check_in,
                check_out,
            });
        }
        DateRange::new(check_in, check_out)
            .map(|nights| Self { nights })
            .map_err(|_| ReservationPeriodError::CheckOutBeforeCheckIn {
                check_in,
                check_out,
            })
    }

    /// Arrival day.
    pub const fn check_in(&self) -> NaiveDate {
        self.nights.start()
    }

    /// Departure day.
    pub const fn check_out(&self) -> NaiveDate {
        self.nights.end()
    }

    /// Number of nights booked (always ≥ 1).
    pub fn nights(&self) -> i64 {
        self.nights.nights()
    }

    /// The nights booked, as the half-open range `[check_in, check_out)`.
    pub const fn as_date_range(&self) -> DateRange {
        self.nights
    }
}

impl From<ReservationPeriod> for DateRange {
    fn from(period: ReservationPeriod) -> Self {
        period.as_date_range()
    }
}

impl fmt::Display for ReservationPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.nights)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn day(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    #[test]
    fn given_check_out_after_check_in_when_creating_then_period_is_built() {
        let period = ReservationPeriod::new(day(7, 1), day(7, 8)).unwrap();
        assert_eq!(period.check_in(), day(7, 1));
        assert_eq!(period.check_out(), day(7, 8));
        assert_eq!(period.nights(), 7);
        assert_eq!(
            period.as_date_range(),
            DateRange::new(day(7, 1), day(7, 8)).unwrap()
        );
        assert_eq!(period.to_string(), "2026-07-01..2026-07-08");
    }

    #[test]
    fn given_one_night_when_creating_then_accepted() {
        let period =
            ReservationPeriod::new(day(12, 31), NaiveDate::from_ymd_opt(2027, 1, 1).unwrap())
                .unwrap();
        assert_eq!(period.nights(), 1);
        assert!(period.as_date_range().contains(day(12, 31)));
    }

    #[test]
    fn given_same_day_when_creating_then_too_short() {
        let error = ReservationPeriod::new(day(7, 1), day(7, 1)).unwrap_err();
        assert_eq!(
            error,
            ReservationPeriodError::TooShort {
                check_in: day(7, 1),
                check_out: day(7, 1)
            }
        );
        assert_eq!(error.code(), "reservation_period.too_short");
    }

    #[test]
    fn given_check_out_before_check_in_when_creating_then_error() {
        let error = ReservationPeriod::new(day(7, 8), day(7, 1)).unwrap_err();
        assert_eq!(error.code(), "reservation_period.check_out_before_check_in");
        assert_eq!(
            error.to_string(),
            "check-out 2026-07-01 is before check-in 2026-07-08"
        );
    }

    #[test]
    fn given_period_when_serialized_then_camel_case_and_validated_on_read() {
        let period = ReservationPeriod::new(day(7, 1), day(7, 8)).unwrap();
        let json = serde_json::to_value(period).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"checkIn": "2026-07-01", "checkOut": "2026-07-08"})
        );
        assert_eq!(
            serde_json::from_value::<ReservationPeriod>(json).unwrap(),
            period
        );
        assert!(
            serde_json::from_str::<ReservationPeriod>(
                r#"{"checkIn":"2026-07-08","checkOut":"2026-07-08"}"#
            )
            .is_err()
        );
        assert!(
            serde_json::from_str::<ReservationPeriod>(
                r#"{"check_in":"2026-07-01","check_out":"2026-07-08"}"#
            )
            .is_err()
        );
    }
}
