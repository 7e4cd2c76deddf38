//! `ReservationDomainService`: the booking logic that is not one reservation's own — the
//! price frozen from a quote (with a total set by hand), the refund due under the frozen
//! cancellation policy, and whom a booking is for.

use chrono::NaiveDate;
use sejour_core::{
    Role,
    value_objects::{Money, MoneyError, RefundError, refund_due as policy_refund},
};
use uuid::Uuid;

use crate::domain::{errors::ReservationError, price::PriceBreakdown};

/// Whom a booking is for, by who books.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookingParty {
    /// A guest books for themself (their account).
    Themself(Uuid),
    /// Staff book for this user account (which must exist and be enabled).
    Account(Uuid),
    /// Staff book for no account (a guest who never signed up).
    NoAccount,
    /// Not allowed: an owner, or a guest setting the price or booking for someone else.
    NotAllowed,
}

/// The booking rules beyond one reservation.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReservationDomainService;

impl ReservationDomainService {
    /// The price frozen from the `quoted` one: as quoted, or with the total set by hand
    /// (`manual_total`, minor units of the stay's currency; rule
    /// `ManualPriceCoversFeesAndTax`).
    pub fn frozen_price(
        quoted: PriceBreakdown,
        manual_total: Option<i64>,
    ) -> Result<PriceBreakdown, ReservationError> {
        match manual_total {
            Some(total) => quoted.set_by_hand(Money::new(total, quoted.currency)),
            None => Ok(quoted),
        }
    }

    /// The refund due when a guest who has paid `paid` cancels on `cancelled_on` a stay
    /// priced `price` starting on `check_in`: the frozen policy's share of rent and fees
    /// plus the whole tourist tax, never more than what was paid, never negative.
    pub fn refund_due(
        price: &PriceBreakdown,
        paid: Money,
        cancelled_on: NaiveDate,
        check_in: NaiveDate,
    ) -> Result<Money, ReservationError> {
        policy_refund(
            price.cancellation_policy,
            paid,
            price.rent,
            price.fees,
            cancelled_on,
            check_in,
        )
        .map_err(|error| match error {
            RefundError::Money(money) => ReservationError::Money(money),
            RefundError::NegativeAmount { .. } => {
                ReservationError::Money(MoneyError::CurrencyMismatch {
                    left: price.currency,
                    right: paid.currency(),
                })
            }
        })
    }

    /// Whom a booking by the user `me` with `role` is for: a guest books for themself
    /// only, without setting the price; staff for the account asked (or none); owners do
    /// not book through the agency's desk.
    pub fn booking_party(
        me: Uuid,
        role: Role,
        requested: Option<Uuid>,
        sets_price: bool,
    ) -> BookingParty {
        match role {
            Role::Guest if sets_price || requested.is_some_and(|c| c != me) => {
                BookingParty::NotAllowed
            }
            Role::Guest => BookingParty::Themself(me),
            Role::Admin | Role::Manager => {
                requested.map_or(BookingParty::NoAccount, BookingParty::Account)
            }
            Role::Owner => BookingParty::NotAllowed,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use sejour_core::value_objects::Currency;

    use super::*;
    use crate::domain::price::tests::week;

    fn eur(minor: i64) -> Money {
        Money::new(minor, Currency::EUR)
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).unwrap()
    }

    #[test]
    fn given_nothing_paid_when_cancelled_then_nothing_is_due() {
        assert_eq!(
            ReservationDomainService::refund_due(&week(), eur(0), day(6, 1), day(7, 10)).unwrap(),
            eur(0)
        );
    }

    #[test]
    fn given_everything_paid_under_a_moderate_policy_then_the_share_follows_the_notice() {
        let price = week();
        // 14 days or more: everything back.
        assert_eq!(
            ReservationDomainService::refund_due(&price, eur(78_310), day(6, 26), day(7, 10))
                .unwrap(),
            eur(78_310)
        );
        // 7 to 13 days: half of rent + fees (380.00 €) is kept.
        assert_eq!(
            ReservationDomainService::refund_due(&price, eur(78_310), day(7, 1), day(7, 10))
                .unwrap(),
            eur(78_310 - 38_000)
        );
        // Less than 7 days: only the tourist tax comes back.
        assert_eq!(
            ReservationDomainService::refund_due(&price, eur(78_310), day(7, 5), day(7, 10))
                .unwrap(),
            eur(2_310)
        );
    }

    #[test]
    fn given_only_the_deposit_paid_when_late_then_nothing_is_due() {
        assert_eq!(
            ReservationDomainService::refund_due(&week(), eur(23_493), day(7, 5), day(7, 10))
                .unwrap(),
            eur(0)
        );
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod booking_tests {
    use sejour_core::value_objects::Currency;

    use super::*;
    use crate::domain::price::tests::week;

    #[test]
    fn given_a_manual_total_when_freezing_then_set_by_hand_else_as_quoted() {
        assert_eq!(
            ReservationDomainService::frozen_price(week(), None).unwrap(),
            week()
        );
        let manual = ReservationDomainService::frozen_price(week(), Some(60_001)).unwrap();
        assert!(manual.set_by_hand);
        assert_eq!(manual.total, Money::new(60_001, Currency::EUR));
        assert_eq!(
            ReservationDomainService::frozen_price(week(), Some(1)),
            Err(ReservationError::ManualPriceTooLow { minimum: 8_310 })
        );
    }

    #[test]
    fn given_who_books_then_the_party_follows_the_role() {
        let (me, other) = (Uuid::now_v7(), Uuid::now_v7());
        let party = ReservationDomainService::booking_party;
        assert_eq!(
            party(me, Role::Guest, None, false),
            BookingParty::Themself(me)
        );
        assert_eq!(
            party(me, Role::Guest, Some(me), false),
            BookingParty::Themself(me)
        );
        assert_eq!(
            party(me, Role::Guest, Some(other), false),
            BookingParty::NotAllowed
        );
        assert_eq!(party(me, Role::Guest, None, true), BookingParty::NotAllowed);
        assert_eq!(
            party(me, Role::Manager, Some(other), true),
            BookingParty::Account(other)
        );
        assert_eq!(party(me, Role::Admin, None, false), BookingParty::NoAccount);
        assert_eq!(
            party(me, Role::Owner, None, false),
            BookingParty::NotAllowed
        );
    }
}
