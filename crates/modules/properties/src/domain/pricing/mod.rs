//! Pricing: what a stay costs, how the French tourist tax is computed, when the guest pays
//! and what comes back on cancellation — the seed's `PaymentCalculationService`.
//!
//! - [`rates`]: a property's [`RatePlan`] (base and seasonal nightly prices, minimum stays,
//!   arrival days, length-of-stay discounts, fees, security deposit, cancellation policy).
//! - [`tourist_tax`]: the *taxe de séjour* of the property's commune, with its departmental
//!   and regional surcharges ([`TouristTaxConfig`]).
//! - [`quote`](mod@quote): the named rules a stay must respect and the price breakdown
//!   ([`Quote`]).
//! - [`payment_schedule`](mod@payment_schedule): deposit and balance ([`ScheduleRules`],
//!   [`PaymentSchedule`]).
//! - [`cancellation`]: refunds per [`CancellationPolicy`].
//!
//! Everything here is pure (std, core, chrono, serde derive, thiserror).
//!
//! # Money and rounding
//!
//! Amounts are whole minor units ([`Money`], cents for the euro) and percentages are basis
//! points (1 % = 100 bp, 100 % = 10 000 bp); no floating point anywhere. All arithmetic is
//! checked: an overflow or a mix of currencies is an error, never a panic nor a wrap.
//! Rounding happens only at these places, always to the minor unit:
//!
//! 1. **Length-of-stay discount**: gross rent × discount bp, rounded half up, once per stay.
//! 2. **Tourist tax, communal part**: computed exactly (integer rational arithmetic in `i128`)
//!    *per adult and per night*, then rounded half up to the cent; that rounded amount is
//!    multiplied by the adults and the nights with no further rounding.
//! 3. **Tourist tax surcharges** (departmental, regional): each computed once on the stay's
//!    rounded communal total, rounded half up.
//! 4. **Tax base of a night** (proportional regime): the discounted rent is split across the
//!    nights in proportion to their nightly rates with [`Money::allocate`] (largest
//!    remainder), so the nights add up exactly to the rent charged.
//! 5. **Deposit**: total × deposit bp rounded half up; under a mandate it is capped at rent ×
//!    cap bp rounded **down**, so a legal ceiling is never exceeded by half a cent. The
//!    balance is the exact difference, so the installments always sum to the total.
//! 6. **Refunds**: the refundable share of the stay price is rounded half up (in the guest's
//!    favour).
//!
//! "Half up" is [`Money::percent_bp`]'s half-away-from-zero on the non-negative amounts used
//! here.

pub mod cancellation;
pub mod payment_schedule;
pub mod quote;
pub mod rates;
pub mod tourist_tax;

use sejour_core::value_objects::{Currency, Money, MoneyError, RefundError};

pub use cancellation::CancellationPolicy;
pub use payment_schedule::{
    Installment, InstallmentKind, PaymentSchedule, ScheduleRules, ScheduleRulesError,
    payment_schedule,
};
pub use quote::{
    AGE_OF_MAJORITY, ExtraGuestFee, MAX_STAY_NIGHTS, NightlyLine, Quote, QuoteRefused, RateSource,
    StayDiscount, quote,
};
pub use rates::{RatePlan, RatePlanDraft, RatePlanError, Season, StayDiscountKind};
pub use tourist_tax::{
    TaxableNight, TouristTaxBasis, TouristTaxBreakdown, TouristTaxConfig, TouristTaxConfigError,
    TouristTaxLine, TouristTaxRegime,
};

/// One hundred per cent, in basis points.
pub const FULL_BP: u32 = 10_000;

/// A price computation failed: amounts in different currencies, an amount too large to
/// hold, or a negative amount where only a price can be.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PricingError {
    /// Money arithmetic failed (currency mismatch or overflow); the code is the money
    /// error's (`money.currency_mismatch`, `money.overflow`...).
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// An amount that must be zero or more is negative.
    #[error("{what} must not be negative")]
    NegativeAmount {
        /// Which amount.
        what: &'static str,
    },
}

impl From<RefundError> for PricingError {
    fn from(error: RefundError) -> Self {
        match error {
            RefundError::Money(money) => Self::Money(money),
            RefundError::NegativeAmount { what } => Self::NegativeAmount { what },
        }
    }
}

impl PricingError {
    /// Code of [`PricingError::NegativeAmount`].
    pub const NEGATIVE_AMOUNT: &'static str = "pricing.negative_amount";

    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            PricingError::Money(error) => error.code(),
            PricingError::NegativeAmount { .. } => Self::NEGATIVE_AMOUNT,
        }
    }
}

/// `Ok` when `money` is in `expected`, else a currency mismatch.
pub(crate) fn ensure_currency(expected: Currency, money: Money) -> Result<(), PricingError> {
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

/// `Ok` when `money` is zero or more, else [`PricingError::NegativeAmount`].
pub(crate) fn ensure_not_negative(money: Money, what: &'static str) -> Result<(), PricingError> {
    if money.is_negative() {
        Err(PricingError::NegativeAmount { what })
    } else {
        Ok(())
    }
}

/// `numerator / denominator` rounded half up, for `numerator >= 0` and `denominator > 0`
/// (anything else is reported as an overflow rather than computed).
pub(crate) fn div_round_half_up(numerator: i128, denominator: i128) -> Result<i128, PricingError> {
    if numerator < 0 || denominator <= 0 {
        return Err(MoneyError::Overflow.into());
    }
    let quotient = numerator / denominator;
    let remainder = numerator % denominator;
    // remainder < denominator, so remainder × 2 only overflows for huge denominators.
    let doubled = remainder.checked_mul(2).ok_or(MoneyError::Overflow)?;
    if doubled >= denominator {
        Ok(quotient.checked_add(1).ok_or(MoneyError::Overflow)?)
    } else {
        Ok(quotient)
    }
}

/// `minor` minor units of `currency`, if they fit in a [`Money`].
pub(crate) fn money_from_i128(minor: i128, currency: Currency) -> Result<Money, PricingError> {
    i64::try_from(minor)
        .map(|amount| Money::new(amount, currency))
        .map_err(|_| MoneyError::Overflow.into())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn given_exact_halves_when_dividing_then_rounded_up() {
        assert_eq!(div_round_half_up(1125, 10), Ok(113)); // 112.5 → 113
        assert_eq!(div_round_half_up(1124, 10), Ok(112)); // 112.4 → 112
        assert_eq!(div_round_half_up(1126, 10), Ok(113)); // 112.6 → 113
        assert_eq!(div_round_half_up(0, 7), Ok(0));
        assert_eq!(div_round_half_up(7, 7), Ok(1));
    }

    #[test]
    fn given_invalid_operands_when_dividing_then_error_not_panic() {
        assert!(div_round_half_up(1, 0).is_err());
        assert!(div_round_half_up(-1, 3).is_err());
        assert!(div_round_half_up(i128::MAX, i128::MAX - 1).is_ok());
    }

    #[test]
    fn given_errors_when_asking_codes_then_stable() {
        assert_eq!(
            PricingError::from(MoneyError::Overflow).code(),
            "money.overflow"
        );
        assert_eq!(
            PricingError::NegativeAmount { what: "rent" }.code(),
            "pricing.negative_amount"
        );
        assert_eq!(
            ensure_currency(Currency::EUR, Money::new(1, Currency::USD))
                .unwrap_err()
                .code(),
            "money.currency_mismatch"
        );
        assert!(money_from_i128(i128::from(i64::MAX) + 1, Currency::EUR).is_err());
    }
}
