//! The refund domain service: what a cancellation gives back under the property's
//! cancellation policy (frozen with the price), given what the guest has paid. The
//! payments context reads the stored amount to refund.

use chrono::NaiveDate;
use sejour_core::value_objects::{Money, MoneyError, refund_due as policy_refund};

use super::{errors::ReservationError, price::PriceBreakdown};

/// The refund due when a guest who has paid `paid` cancels on `cancelled_on` a stay
/// priced `price` starting on `check_in`: the policy's share of rent and fees plus the
/// whole tourist tax, never more than what was paid, never negative.
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
    .map_err(|_| {
        ReservationError::Money(MoneyError::CurrencyMismatch {
            left: price.currency,
            right: paid.currency(),
        })
    })
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
            refund_due(&week(), eur(0), day(6, 1), day(7, 10)).unwrap(),
            eur(0)
        );
    }

    #[test]
    fn given_everything_paid_under_a_moderate_policy_then_the_share_follows_the_notice() {
        let price = week();
        // 14 days or more: everything back.
        assert_eq!(
            refund_due(&price, eur(78_310), day(6, 26), day(7, 10)).unwrap(),
            eur(78_310)
        );
        // 7 to 13 days: half of rent + fees (380.00 €) is kept.
        assert_eq!(
            refund_due(&price, eur(78_310), day(7, 1), day(7, 10)).unwrap(),
            eur(78_310 - 38_000)
        );
        // Less than 7 days: only the tourist tax comes back.
        assert_eq!(
            refund_due(&price, eur(78_310), day(7, 5), day(7, 10)).unwrap(),
            eur(2_310)
        );
    }

    #[test]
    fn given_only_the_deposit_paid_when_late_then_nothing_is_due() {
        assert_eq!(
            refund_due(&week(), eur(23_493), day(7, 5), day(7, 10)).unwrap(),
            eur(0)
        );
    }
}
