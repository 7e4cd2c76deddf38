//! The price of a reservation: copied from the properties quote when booked (or
//! re-priced) and frozen, so later rate changes never alter a booking. A manager may set
//! the total by hand; the rent absorbs the difference and the installments keep their
//! proportions. The installments and the cancellation policy are the shared kernel's.

pub use sejour_core::value_objects::{CancellationPolicy, Installment, InstallmentKind};
use sejour_core::value_objects::{Currency, Money, MoneyError};

use super::errors::ReservationError;

/// The frozen price of a stay. Every amount is in [`PriceBreakdown::currency`]; the
/// installments sum to the total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceBreakdown {
    /// The currency of every amount.
    pub currency: Currency,
    /// Nights.
    pub nights: u32,
    /// Accommodation, after any discount (and any manual adjustment).
    pub rent: Money,
    /// Cleaning and extra-guest fees.
    pub fees: Money,
    /// The tourist tax collected for the commune.
    pub tourist_tax: Money,
    /// What the guest pays.
    pub total: Money,
    /// The total the quote gave (differs from `total` when set by hand).
    pub quoted_total: Money,
    /// Whether a manager set the total by hand.
    pub set_by_hand: bool,
    /// Held on the guest's card, not charged.
    pub security_deposit: Money,
    /// When the total is paid, in due order.
    pub installments: Vec<Installment>,
    /// What a cancellation refunds.
    pub cancellation_policy: CancellationPolicy,
}

impl PriceBreakdown {
    /// The least total a manager may set: the fees and the tourist tax are owed whatever
    /// the deal on the rent.
    pub fn manual_minimum(&self) -> Result<Money, MoneyError> {
        self.fees.checked_add(self.tourist_tax)
    }

    /// This price with the total set by hand (rule `ManualPriceCoversFeesAndTax`): the
    /// rent becomes `total − fees − tax`; each installment but the last is scaled by
    /// `total / quoted total` (rounded down), the last takes the rest, so they still sum
    /// to the total.
    pub fn set_by_hand(&self, total: Money) -> Result<Self, ReservationError> {
        let minimum = self.manual_minimum()?;
        if total.currency() != self.currency {
            return Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: total.currency(),
            }
            .into());
        }
        if total.amount_minor() < minimum.amount_minor() {
            return Err(ReservationError::ManualPriceTooLow {
                minimum: minimum.amount_minor(),
            });
        }
        let rent = total.checked_sub(minimum)?;
        let quoted = i128::from(self.quoted_total.amount_minor());
        let mut installments = self.installments.clone();
        let mut allotted = Money::zero(self.currency);
        let last = installments.len().saturating_sub(1);
        for (i, installment) in installments.iter_mut().enumerate() {
            installment.amount = if i == last {
                total.checked_sub(allotted)?
            } else if quoted == 0 {
                Money::zero(self.currency)
            } else {
                let scaled = i128::from(installment.amount.amount_minor())
                    * i128::from(total.amount_minor())
                    / quoted;
                Money::new(
                    i64::try_from(scaled).map_err(|_| MoneyError::Overflow)?,
                    self.currency,
                )
            };
            allotted = allotted.checked_add(installment.amount)?;
        }
        Ok(Self {
            rent,
            total,
            set_by_hand: true,
            installments,
            ..self.clone()
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub(crate) mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn eur(minor: i64) -> Money {
        Money::new(minor, Currency::EUR)
    }

    /// 7 nights: rent 700.00 €, fees 60.00 €, tax 23.10 €, total 783.10 €, 30 % deposit.
    pub(crate) fn week() -> PriceBreakdown {
        let day = |d| NaiveDate::from_ymd_opt(2027, 7, d).unwrap();
        PriceBreakdown {
            currency: Currency::EUR,
            nights: 7,
            rent: eur(70_000),
            fees: eur(6_000),
            tourist_tax: eur(2_310),
            total: eur(78_310),
            quoted_total: eur(78_310),
            set_by_hand: false,
            security_deposit: eur(50_000),
            installments: vec![
                Installment {
                    kind: InstallmentKind::Deposit,
                    amount: eur(23_493),
                    due_on: day(1),
                },
                Installment {
                    kind: InstallmentKind::Balance,
                    amount: eur(54_817),
                    due_on: day(10),
                },
            ],
            cancellation_policy: CancellationPolicy::Moderate,
        }
    }

    #[test]
    fn given_a_manual_total_when_set_then_rent_absorbs_it_and_installments_still_sum() {
        let price = week().set_by_hand(eur(60_001)).unwrap();
        assert!(price.set_by_hand);
        assert_eq!(price.quoted_total, eur(78_310));
        assert_eq!(price.rent, eur(60_001 - 6_000 - 2_310));
        // 23 493 × 60 001 / 78 310 = 18 000.29… → 18 000; the balance takes the rest.
        assert_eq!(price.installments[0].amount, eur(18_000));
        assert_eq!(price.installments[1].amount, eur(42_001));
    }

    #[test]
    fn given_a_total_below_fees_and_tax_when_set_then_refused() {
        assert_eq!(
            week().set_by_hand(eur(8_309)),
            Err(ReservationError::ManualPriceTooLow { minimum: 8_310 })
        );
        assert!(week().set_by_hand(eur(8_310)).is_ok());
    }

    #[test]
    fn given_another_currency_when_set_then_refused() {
        let err = week()
            .set_by_hand(Money::new(60_000, Currency::parse("USD").unwrap()))
            .unwrap_err();
        assert_eq!(err.code(), "money.currency_mismatch");
    }
}

/// Money the payments context moved for a booking, by the payment's or refund's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyMovement {
    /// A payment taken.
    Received {
        /// The payment.
        payment_id: uuid::Uuid,
        /// How much.
        amount: Money,
    },
    /// A refund sent back.
    Refunded {
        /// The refund.
        refund_id: uuid::Uuid,
        /// How much.
        amount: Money,
    },
}

impl MoneyMovement {
    /// The payment's or refund's id (what makes a redelivery a no-op).
    pub fn id(&self) -> uuid::Uuid {
        match self {
            Self::Received { payment_id: id, .. } | Self::Refunded { refund_id: id, .. } => *id,
        }
    }

    /// How much moved.
    pub fn amount(&self) -> Money {
        match self {
            Self::Received { amount, .. } | Self::Refunded { amount, .. } => *amount,
        }
    }
}
