//! The reservation's business rules, as named [`BusinessRule`]s: each says when a step is
//! broken and which error follows; the aggregate's methods check them with
//! [`sejour_core::check_rule`] (and they are tested here).

use chrono::{DateTime, NaiveDate, Utc};
use sejour_core::BusinessRule;

use super::{errors::ReservationError, reservation_status::ReservationStatus};

/// `OnlyPendingCanBeConfirmed`: confirming takes a pending reservation.
pub struct OnlyPendingCanBeConfirmed {
    /// The reservation's status.
    pub status: ReservationStatus,
}

impl BusinessRule for OnlyPendingCanBeConfirmed {
    type Error = ReservationError;

    fn is_broken(&self) -> bool {
        self.status != ReservationStatus::Pending
    }

    fn error(&self) -> ReservationError {
        ReservationError::InvalidTransition {
            from: self.status,
            action: "confirmed",
        }
    }
}

/// `OnlyActiveCanBeCancelled`: a pending or confirmed reservation can be cancelled; a
/// completed or cancelled one cannot.
pub struct OnlyActiveCanBeCancelled {
    /// The reservation's status.
    pub status: ReservationStatus,
}

impl BusinessRule for OnlyActiveCanBeCancelled {
    type Error = ReservationError;

    fn is_broken(&self) -> bool {
        !self.status.is_active()
    }

    fn error(&self) -> ReservationError {
        ReservationError::InvalidTransition {
            from: self.status,
            action: "cancelled",
        }
    }
}

/// `ChangesOnlyBeforeCheckIn`: dates, occupants and guest details of an active
/// reservation can change until the day before arrival.
pub struct ChangesOnlyBeforeCheckIn {
    /// The reservation's status.
    pub status: ReservationStatus,
    /// Its arrival day.
    pub check_in: NaiveDate,
    /// Today.
    pub today: NaiveDate,
}

impl BusinessRule for ChangesOnlyBeforeCheckIn {
    type Error = ReservationError;

    fn is_broken(&self) -> bool {
        !self.status.is_active() || self.today >= self.check_in
    }

    fn error(&self) -> ReservationError {
        if self.status.is_active() {
            ReservationError::StayStarted {
                check_in: self.check_in,
            }
        } else {
            ReservationError::InvalidTransition {
                from: self.status,
                action: "changed",
            }
        }
    }
}

/// `CompletedAfterCheckOut`: a confirmed stay is completed from its departure day on.
pub struct CompletedAfterCheckOut {
    /// The reservation's status.
    pub status: ReservationStatus,
    /// Its departure day.
    pub check_out: NaiveDate,
    /// Today.
    pub today: NaiveDate,
}

impl BusinessRule for CompletedAfterCheckOut {
    type Error = ReservationError;

    fn is_broken(&self) -> bool {
        self.status != ReservationStatus::Confirmed || self.today < self.check_out
    }

    fn error(&self) -> ReservationError {
        if self.status == ReservationStatus::Confirmed {
            ReservationError::StayNotOver {
                check_out: self.check_out,
            }
        } else {
            ReservationError::InvalidTransition {
                from: self.status,
                action: "completed",
            }
        }
    }
}

/// `UnconfirmedHoldsExpire`: a pending reservation not confirmed by its hold's end is
/// cancelled (reason `expired`) and its dates freed.
pub struct UnconfirmedHoldsExpire {
    /// The reservation's status.
    pub status: ReservationStatus,
    /// When its hold ends.
    pub hold_expires_at: DateTime<Utc>,
    /// Now.
    pub now: DateTime<Utc>,
}

impl BusinessRule for UnconfirmedHoldsExpire {
    type Error = ReservationError;

    fn is_broken(&self) -> bool {
        self.status != ReservationStatus::Pending || self.now < self.hold_expires_at
    }

    fn error(&self) -> ReservationError {
        if self.status == ReservationStatus::Pending {
            ReservationError::HoldNotExpired
        } else {
            ReservationError::InvalidTransition {
                from: self.status,
                action: "expired",
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use sejour_core::check_rule;

    use super::*;
    use ReservationStatus::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 7, d).unwrap()
    }

    fn changes(status: ReservationStatus, check_in: u32, today: u32) -> ChangesOnlyBeforeCheckIn {
        ChangesOnlyBeforeCheckIn {
            status,
            check_in: day(check_in),
            today: day(today),
        }
    }

    fn completion(status: ReservationStatus, check_out: u32, today: u32) -> CompletedAfterCheckOut {
        CompletedAfterCheckOut {
            status,
            check_out: day(check_out),
            today: day(today),
        }
    }

    #[test]
    fn given_any_status_but_pending_when_confirming_then_refused_as_a_conflict() {
        assert!(check_rule(OnlyPendingCanBeConfirmed { status: Pending }).is_ok());
        for status in [Confirmed, Completed, Cancelled] {
            assert!(
                check_rule(OnlyPendingCanBeConfirmed { status })
                    .unwrap_err()
                    .is_conflict()
            );
        }
    }

    #[test]
    fn given_a_completed_or_cancelled_booking_when_cancelling_then_refused() {
        assert!(check_rule(OnlyActiveCanBeCancelled { status: Pending }).is_ok());
        assert!(check_rule(OnlyActiveCanBeCancelled { status: Confirmed }).is_ok());
        assert!(check_rule(OnlyActiveCanBeCancelled { status: Completed }).is_err());
        assert!(check_rule(OnlyActiveCanBeCancelled { status: Cancelled }).is_err());
    }

    #[test]
    fn given_the_day_of_arrival_when_changing_then_the_stay_has_started() {
        assert!(check_rule(changes(Confirmed, 10, 9)).is_ok());
        assert_eq!(
            check_rule(changes(Confirmed, 10, 10)),
            Err(ReservationError::StayStarted { check_in: day(10) })
        );
        assert!(check_rule(changes(Cancelled, 10, 1)).is_err());
    }

    #[test]
    fn given_a_confirmed_stay_when_its_departure_day_comes_then_it_may_complete() {
        assert!(check_rule(completion(Confirmed, 17, 16)).is_err());
        assert!(check_rule(completion(Confirmed, 17, 17)).is_ok());
        assert!(check_rule(completion(Pending, 17, 20)).is_err());
    }

    #[test]
    fn given_a_pending_hold_when_its_end_comes_then_it_may_expire() {
        let end = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap();
        let before = DateTime::<Utc>::from_timestamp(1_799_999_999, 0).unwrap();
        let rule = |status, now| UnconfirmedHoldsExpire {
            status,
            hold_expires_at: end,
            now,
        };
        assert_eq!(
            check_rule(rule(Pending, before)),
            Err(ReservationError::HoldNotExpired)
        );
        assert!(check_rule(rule(Pending, end)).is_ok());
        assert!(check_rule(rule(Confirmed, end)).is_err());
    }
}
