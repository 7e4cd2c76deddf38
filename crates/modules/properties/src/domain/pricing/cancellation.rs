//! Cancellation policies and what a guest gets back when they cancel.
//!
//! A policy gives, by how many days before check-in the guest cancels, the *refundable
//! share* of the stay price (rent + fees, the tourist tax excluded):
//!
//! | policy   | days before check-in (`check_in − cancelled_on`) | refundable share |
//! |----------|---------------------------------------------------|------------------|
//! | flexible | ≥ 1 (up to the day before arrival)                | 100 %            |
//! |          | otherwise (arrival day or later)                  | 50 %             |
//! | moderate | ≥ 14                                              | 100 %            |
//! |          | 7 to 13                                           | 50 %             |
//! |          | otherwise                                         | 0 %              |
//! | strict   | ≥ 30                                              | 50 %             |
//! |          | otherwise                                         | 0 %              |
//!
//! Dates only, no times: "24 hours before" is read as "the day before check-in or earlier".
//!
//! `RefundNeverExceedsWhatWasPaid` and `TouristTaxIsAlwaysRefunded`: the owner keeps at most
//! the non-refundable share of the stay price (the *retained* amount); everything paid above
//! it comes back, and nothing below zero. The tourist tax is never retained — it is owed
//! only for nights actually spent — so whatever was paid for it is refunded. Nothing is
//! claimed from a guest who paid less than the retained amount: this computes refunds only.

use chrono::NaiveDate;
pub use sejour_core::value_objects::CancellationPolicy;
use sejour_core::value_objects::{Money, RefundError};

use super::PricingError;

/// What to refund a guest who paid `total_paid` and cancels on `cancelled_on` a stay
/// checking in on `check_in`, whose price was `rent` plus `fees`: the shared kernel's
/// [`sejour_core::value_objects::refund_due`], its error reported as a [`PricingError`].
pub fn refund_due(
    policy: CancellationPolicy,
    total_paid: Money,
    rent: Money,
    fees: Money,
    cancelled_on: NaiveDate,
    check_in: NaiveDate,
) -> Result<Money, PricingError> {
    sejour_core::value_objects::refund_due(policy, total_paid, rent, fees, cancelled_on, check_in)
        .map_err(|error| match error {
            RefundError::Money(money) => PricingError::Money(money),
            RefundError::NegativeAmount { what } => PricingError::NegativeAmount { what },
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use sejour_core::value_objects::Currency;

    use super::*;
    use crate::domain::pricing::rates::tests::{day, eur};

    const CHECK_IN: (i32, u32, u32) = (2026, 7, 15);

    fn check_in() -> NaiveDate {
        day(CHECK_IN.0, CHECK_IN.1, CHECK_IN.2)
    }

    /// Rent 700 €, fees 100 €, tourist tax 20 €, all paid (820 €).
    fn refund_fully_paid(policy: CancellationPolicy, cancelled_on: NaiveDate) -> Money {
        refund_due(
            policy,
            eur(82_000),
            eur(70_000),
            eur(10_000),
            cancelled_on,
            check_in(),
        )
        .unwrap()
    }

    #[test]
    fn given_flexible_policy_when_cancelling_then_full_refund_until_the_day_before() {
        let flexible = CancellationPolicy::Flexible;
        assert_eq!(refund_fully_paid(flexible, day(2026, 6, 1)), eur(82_000));
        assert_eq!(refund_fully_paid(flexible, day(2026, 7, 14)), eur(82_000));
        // On the day: half of rent and fees (400 €) plus the tourist tax (20 €).
        assert_eq!(refund_fully_paid(flexible, day(2026, 7, 15)), eur(42_000));
        assert_eq!(refund_fully_paid(flexible, day(2026, 7, 17)), eur(42_000));
    }

    #[test]
    fn given_moderate_policy_when_cancelling_then_boundaries_at_14_and_7_days() {
        let moderate = CancellationPolicy::Moderate;
        assert_eq!(refund_fully_paid(moderate, day(2026, 7, 1)), eur(82_000)); // 14 days
        assert_eq!(refund_fully_paid(moderate, day(2026, 7, 2)), eur(42_000)); // 13 days
        assert_eq!(refund_fully_paid(moderate, day(2026, 7, 8)), eur(42_000)); // 7 days
        assert_eq!(refund_fully_paid(moderate, day(2026, 7, 9)), eur(2_000)); // 6 days: tax only
        assert_eq!(refund_fully_paid(moderate, day(2026, 7, 20)), eur(2_000));
    }

    #[test]
    fn given_strict_policy_when_cancelling_then_half_until_30_days_then_tax_only() {
        let strict = CancellationPolicy::Strict;
        assert_eq!(refund_fully_paid(strict, day(2026, 1, 1)), eur(42_000));
        assert_eq!(refund_fully_paid(strict, day(2026, 6, 15)), eur(42_000)); // 30 days
        assert_eq!(refund_fully_paid(strict, day(2026, 6, 16)), eur(2_000)); // 29 days
    }

    #[test]
    fn given_partial_payment_when_cancelling_then_refund_never_exceeds_paid_nor_goes_negative() {
        // Only a 246 € deposit paid; moderate at 13 days keeps 400 € of the 800 € price.
        let deposit = eur(24_600);
        let refund = |policy, on| {
            refund_due(policy, deposit, eur(70_000), eur(10_000), on, check_in()).unwrap()
        };
        assert_eq!(
            refund(CancellationPolicy::Moderate, day(2026, 7, 2)),
            eur(0)
        );
        assert_eq!(
            refund(CancellationPolicy::Flexible, day(2026, 7, 1)),
            deposit
        );
        // Paid 600 € of 820 €, 50 % tier: 600 − 400 = 200 € back.
        let paid = eur(60_000);
        let back = refund_due(
            CancellationPolicy::Strict,
            paid,
            eur(70_000),
            eur(10_000),
            day(2026, 6, 1),
            check_in(),
        );
        assert_eq!(back, Ok(eur(20_000)));
    }

    #[test]
    fn given_odd_amounts_when_refunding_half_then_share_rounds_half_up_for_the_guest() {
        // Price 100.01 € → refundable half 50.005 → 50.01; retained 50.00.
        let refund = refund_due(
            CancellationPolicy::Strict,
            eur(10_001),
            eur(10_001),
            eur(0),
            day(2026, 1, 1),
            check_in(),
        );
        assert_eq!(refund, Ok(eur(5_001)));
    }

    #[test]
    fn given_nothing_paid_or_bad_inputs_when_refunding_then_zero_or_error() {
        let nothing = refund_due(
            CancellationPolicy::Flexible,
            eur(0),
            eur(100),
            eur(0),
            day(2026, 1, 1),
            check_in(),
        );
        assert_eq!(nothing, Ok(eur(0)));
        let usd = Money::new(100, Currency::USD);
        let mixed = refund_due(
            CancellationPolicy::Flexible,
            eur(100),
            usd,
            eur(0),
            day(2026, 1, 1),
            check_in(),
        );
        assert_eq!(mixed.unwrap_err().code(), "money.currency_mismatch");
        let negative = refund_due(
            CancellationPolicy::Flexible,
            eur(100),
            eur(-1),
            eur(0),
            day(2026, 1, 1),
            check_in(),
        );
        assert_eq!(negative.unwrap_err().code(), "pricing.negative_amount");
    }

    #[test]
    fn given_extreme_dates_when_refunding_then_no_panic() {
        let far = refund_due(
            CancellationPolicy::Moderate,
            eur(100),
            eur(100),
            eur(0),
            NaiveDate::MIN,
            NaiveDate::MAX,
        );
        assert_eq!(far, Ok(eur(100)));
        let late = refund_due(
            CancellationPolicy::Moderate,
            eur(100),
            eur(100),
            eur(0),
            NaiveDate::MAX,
            NaiveDate::MIN,
        );
        assert_eq!(late, Ok(eur(0)));
    }

    #[test]
    fn given_policies_when_named_then_stable_names() {
        assert_eq!(CancellationPolicy::Flexible.as_str(), "flexible");
        assert_eq!(CancellationPolicy::Moderate.as_str(), "moderate");
        assert_eq!(CancellationPolicy::Strict.as_str(), "strict");
        assert_eq!(CancellationPolicy::Moderate.refundable_share_bp(14), 10_000);
        assert_eq!(CancellationPolicy::Strict.refundable_share_bp(-3), 0);
    }
}
