//! The reservation's business rules, as named types: each says when a step is allowed
//! and is checked inside the aggregate's methods (and tested here).

use chrono::{DateTime, NaiveDate, Utc};

use super::{errors::ReservationError, reservation::ReservationStatus};

/// `OnlyPendingCanBeConfirmed`: confirming takes a pending reservation.
pub struct OnlyPendingCanBeConfirmed;

impl OnlyPendingCanBeConfirmed {
    /// Checks the rule.
    pub fn check(status: ReservationStatus) -> Result<(), ReservationError> {
        match status {
            ReservationStatus::Pending => Ok(()),
            from => Err(ReservationError::InvalidTransition {
                from,
                action: "confirmed",
            }),
        }
    }
}

/// `OnlyActiveCanBeCancelled`: a pending or confirmed reservation can be cancelled; a
/// completed or cancelled one cannot.
pub struct OnlyActiveCanBeCancelled;

impl OnlyActiveCanBeCancelled {
    /// Checks the rule.
    pub fn check(status: ReservationStatus) -> Result<(), ReservationError> {
        if status.is_active() {
            Ok(())
        } else {
            Err(ReservationError::InvalidTransition {
                from: status,
                action: "cancelled",
            })
        }
    }
}

/// `ChangesOnlyBeforeCheckIn`: dates, occupants and guest details of an active
/// reservation can change until the day before arrival.
pub struct ChangesOnlyBeforeCheckIn;

impl ChangesOnlyBeforeCheckIn {
    /// Checks the rule on `today`.
    pub fn check(
        status: ReservationStatus,
        check_in: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), ReservationError> {
        if !status.is_active() {
            return Err(ReservationError::InvalidTransition {
                from: status,
                action: "changed",
            });
        }
        if today >= check_in {
            return Err(ReservationError::StayStarted { check_in });
        }
        Ok(())
    }
}

/// `CompletedAfterCheckOut`: a confirmed stay is completed from its departure day on.
pub struct CompletedAfterCheckOut;

impl CompletedAfterCheckOut {
    /// Checks the rule on `today`.
    pub fn check(
        status: ReservationStatus,
        check_out: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), ReservationError> {
        if status != ReservationStatus::Confirmed {
            return Err(ReservationError::InvalidTransition {
                from: status,
                action: "completed",
            });
        }
        if today < check_out {
            return Err(ReservationError::StayNotOver { check_out });
        }
        Ok(())
    }
}

/// `UnconfirmedHoldsExpire`: a pending reservation not confirmed by its hold's end is
/// cancelled (reason `expired`) and its dates freed.
pub struct UnconfirmedHoldsExpire;

impl UnconfirmedHoldsExpire {
    /// Checks the rule at `now`.
    pub fn check(
        status: ReservationStatus,
        hold_expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), ReservationError> {
        if status != ReservationStatus::Pending {
            return Err(ReservationError::InvalidTransition {
                from: status,
                action: "expired",
            });
        }
        if now < hold_expires_at {
            return Err(ReservationError::HoldNotExpired);
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use ReservationStatus::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 7, d).unwrap()
    }

    #[test]
    fn given_any_status_but_pending_when_confirming_then_refused_as_a_conflict() {
        assert!(OnlyPendingCanBeConfirmed::check(Pending).is_ok());
        for status in [Confirmed, Completed, Cancelled] {
            assert!(
                OnlyPendingCanBeConfirmed::check(status)
                    .unwrap_err()
                    .is_conflict()
            );
        }
    }

    #[test]
    fn given_a_completed_or_cancelled_booking_when_cancelling_then_refused() {
        assert!(OnlyActiveCanBeCancelled::check(Pending).is_ok());
        assert!(OnlyActiveCanBeCancelled::check(Confirmed).is_ok());
        assert!(OnlyActiveCanBeCancelled::check(Completed).is_err());
        assert!(OnlyActiveCanBeCancelled::check(Cancelled).is_err());
    }

    #[test]
    fn given_the_day_of_arrival_when_changing_then_the_stay_has_started() {
        assert!(ChangesOnlyBeforeCheckIn::check(Confirmed, day(10), day(9)).is_ok());
        assert_eq!(
            ChangesOnlyBeforeCheckIn::check(Confirmed, day(10), day(10)),
            Err(ReservationError::StayStarted { check_in: day(10) })
        );
        assert!(ChangesOnlyBeforeCheckIn::check(Cancelled, day(10), day(1)).is_err());
    }

    #[test]
    fn given_a_confirmed_stay_when_its_departure_day_comes_then_it_may_complete() {
        assert!(CompletedAfterCheckOut::check(Confirmed, day(17), day(16)).is_err());
        assert!(CompletedAfterCheckOut::check(Confirmed, day(17), day(17)).is_ok());
        assert!(CompletedAfterCheckOut::check(Pending, day(17), day(20)).is_err());
    }

    #[test]
    fn given_a_pending_hold_when_its_end_comes_then_it_may_expire() {
        let end = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap();
        let before = DateTime::<Utc>::from_timestamp(1_799_999_999, 0).unwrap();
        assert_eq!(
            UnconfirmedHoldsExpire::check(Pending, end, before),
            Err(ReservationError::HoldNotExpired)
        );
        assert!(UnconfirmedHoldsExpire::check(Pending, end, end).is_ok());
        assert!(UnconfirmedHoldsExpire::check(Confirmed, end, end).is_err());
    }
}
