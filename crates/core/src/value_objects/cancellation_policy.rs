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
//!
//! Shared by the properties context (which quotes with a policy) and the reservations
//! context (which freezes it with the price and refunds under it).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Currency, Money, MoneyError};

/// One hundred per cent, in basis points.
const FULL_BP: u32 = 10_000;

/// Why a refund could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RefundError {
    /// Amounts in different currencies, or too large to hold.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// An amount that must be zero or more is negative.
    #[error("{what} must not be negative")]
    NegativeAmount {
        /// Which amount.
        what: &'static str,
    },
}

impl RefundError {
    /// A stable code: the money error's, or `pricing.negative_amount`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Money(error) => error.code(),
            Self::NegativeAmount { .. } => "pricing.negative_amount",
        }
    }
}

/// How much of the stay price a cancellation refunds, by notice given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CancellationPolicy {
    /// 100 % up to the day before check-in, then 50 %.
    Flexible,
    /// 100 % up to 14 days before check-in, 50 % up to 7 days, then nothing.
    Moderate,
    /// 50 % up to 30 days before check-in, then nothing.
    Strict,
}

impl CancellationPolicy {
    /// The stored name: `flexible`, `moderate` or `strict`.
    pub fn as_str(self) -> &'static str {
        match self {
            CancellationPolicy::Flexible => "flexible",
            CancellationPolicy::Moderate => "moderate",
            CancellationPolicy::Strict => "strict",
        }
    }

    /// The tiers, longest notice first: (at least this many days before check-in, share in
    /// basis points), then the share when no tier is reached.
    fn tiers(self) -> (&'static [(i64, u32)], u32) {
        match self {
            CancellationPolicy::Flexible => (&[(1, 10_000)], 5_000),
            CancellationPolicy::Moderate => (&[(14, 10_000), (7, 5_000)], 0),
            CancellationPolicy::Strict => (&[(30, 5_000)], 0),
        }
    }

    /// The refundable share of the stay price, in basis points, for a cancellation
    /// `days_before_check_in` days before arrival (zero or negative: on or after arrival).
    pub fn refundable_share_bp(self, days_before_check_in: i64) -> u32 {
        let (tiers, otherwise) = self.tiers();
        tiers
            .iter()
            .find(|(min_days, _)| days_before_check_in >= *min_days)
            .map_or(otherwise, |(_, share)| *share)
    }
}

/// What to refund a guest who paid `total_paid` and cancels on `cancelled_on` a stay
/// checking in on `check_in`, whose price was `rent` (accommodation after discount) plus
/// `fees` (cleaning, extra guests), the tourist tax coming on top.
///
/// `refund = clamp(total_paid − retained, 0, total_paid)` where
/// `retained = (rent + fees) − refundable share` and the refundable share is
/// `(rent + fees) × policy share`, rounded half up to the cent. With everything paid, that
/// is the policy's share of rent and fees plus the whole tourist tax. Amounts must share a
/// currency; rent and fees must not be negative.
pub fn refund_due(
    policy: CancellationPolicy,
    total_paid: Money,
    rent: Money,
    fees: Money,
    cancelled_on: NaiveDate,
    check_in: NaiveDate,
) -> Result<Money, RefundError> {
    let currency = total_paid.currency();
    ensure_currency(currency, rent)?;
    ensure_currency(currency, fees)?;
    ensure_not_negative(rent, "rent")?;
    ensure_not_negative(fees, "fees")?;
    if !total_paid.is_positive() {
        return Ok(Money::zero(currency));
    }

    let days_before = check_in.signed_duration_since(cancelled_on).num_days();
    let share_bp = policy.refundable_share_bp(days_before).min(FULL_BP);
    let price = rent.checked_add(fees)?;
    let refundable = price.percent_bp(share_bp)?;
    let retained = price.checked_sub(refundable)?;
    let refund = total_paid.checked_sub(retained)?;
    Ok(if refund.is_negative() {
        Money::zero(currency)
    } else {
        refund
    })
}

fn ensure_currency(expected: Currency, money: Money) -> Result<(), RefundError> {
    if money.currency() == expected {
        Ok(())
    } else {
        Err(MoneyError::CurrencyMismatch {
            left: expected,
            right: money.currency(),
        }
        .into())
    }
}

fn ensure_not_negative(money: Money, what: &'static str) -> Result<(), RefundError> {
    if money.is_negative() {
        Err(RefundError::NegativeAmount { what })
    } else {
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::value_objects::Currency;

    use super::*;
    fn eur(cents: i64) -> Money {
        Money::new(cents, Currency::EUR)
    }

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

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
