//! When the guest pays: a deposit at booking and the balance before arrival, or everything
//! at once for late bookings.
//!
//! The rules live in one place, [`ScheduleRules`], configurable (agency settings), with
//! these defaults:
//!
//! - `BalanceIsDueOneMonthBeforeArrival`: the balance falls due
//!   `balance_due_days_before_arrival` (30) days before check-in — never earlier. A stay
//!   booked on or after that day is paid in full at booking (one installment).
//! - `DepositIsAShareOfTheTotal`: otherwise a deposit of `deposit_bp` (30 %) of the total
//!   (rent, fees and tourist tax), rounded half up, is due at booking, and the balance
//!   (the exact rest) on the balance date.
//! - `NoPaymentMoreThanSixMonthsBeforeArrival`: the deposit is not due before
//!   `advance_max_months_before_arrival` (6) months before check-in: due date =
//!   max(booking day, check-in − 6 months).
//! - `MandateAdvanceIsCappedAtAQuarterOfTheRent`: when the agency collects the money as
//!   the owner's agent (a management mandate under the French *loi Hoguet*), the advance
//!   on a seasonal rental may not exceed `mandate_advance_cap_bp` (25 %) of the *rent* —
//!   the accommodation price, without fees nor taxes. The cap is rounded **down**, so it is
//!   never exceeded.
//!
//! The last two and the one-month balance rule follow our reading of the decree
//! implementing the *loi Hoguet* (décret n° 72-678 of 20 July 1972, art. 68, seasonal
//! rentals by an agent holding funds); to be confirmed by the agency's counsel.
//!
//! The installments always sum exactly to the total: the balance is computed as
//! `total − deposit` with checked [`Money`] arithmetic.

use chrono::{Days, Months, NaiveDate};
pub use sejour_core::value_objects::{Installment, InstallmentKind};
use sejour_core::value_objects::{Money, MoneyError};
use serde::{Deserialize, Serialize};

use super::{FULL_BP, PricingError, ensure_currency, ensure_not_negative, money_from_i128};

/// The largest `advance_max_months_before_arrival` accepted.
pub const MAX_ADVANCE_MONTHS: u32 = 24;

/// The largest `balance_due_days_before_arrival` accepted.
pub const MAX_BALANCE_DAYS: u32 = 365;

/// Why schedule rules were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleRulesError {
    /// A rule's value is out of its range.
    #[error("{field} must be at most {max}, got {value}")]
    OutOfRange {
        /// Which rule.
        field: &'static str,
        /// The value given.
        value: u32,
        /// Largest allowed.
        max: u32,
    },
}

impl ScheduleRulesError {
    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            ScheduleRulesError::OutOfRange { .. } => "schedule.invalid_rules",
        }
    }
}

/// The payment-schedule rules (see the [module](self) docs), valid by construction.
/// Serialized camelCase; deserialization validates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "ScheduleRulesRaw", into = "ScheduleRulesRaw")]
pub struct ScheduleRules {
    deposit_bp: u32,
    mandate_advance_cap_bp: u32,
    advance_max_months_before_arrival: u32,
    balance_due_days_before_arrival: u32,
}

/// The unchecked wire shape of [`ScheduleRules`].
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ScheduleRulesRaw {
    deposit_bp: u32,
    mandate_advance_cap_bp: u32,
    advance_max_months_before_arrival: u32,
    balance_due_days_before_arrival: u32,
}

impl TryFrom<ScheduleRulesRaw> for ScheduleRules {
    type Error = ScheduleRulesError;

    fn try_from(raw: ScheduleRulesRaw) -> Result<Self, Self::Error> {
        Self::new(
            raw.deposit_bp,
            raw.mandate_advance_cap_bp,
            raw.advance_max_months_before_arrival,
            raw.balance_due_days_before_arrival,
        )
    }
}

impl From<ScheduleRules> for ScheduleRulesRaw {
    fn from(rules: ScheduleRules) -> Self {
        Self {
            deposit_bp: rules.deposit_bp,
            mandate_advance_cap_bp: rules.mandate_advance_cap_bp,
            advance_max_months_before_arrival: rules.advance_max_months_before_arrival,
            balance_due_days_before_arrival: rules.balance_due_days_before_arrival,
        }
    }
}

impl Default for ScheduleRules {
    /// 30 % deposit, 25 % of the rent under a mandate, no payment more than 6 months before
    /// arrival, balance 30 days before arrival.
    fn default() -> Self {
        Self {
            deposit_bp: 3_000,
            mandate_advance_cap_bp: 2_500,
            advance_max_months_before_arrival: 6,
            balance_due_days_before_arrival: 30,
        }
    }
}

impl ScheduleRules {
    /// Rules with these values: basis points at most 10 000, months at most
    /// [`MAX_ADVANCE_MONTHS`], days at most [`MAX_BALANCE_DAYS`].
    pub fn new(
        deposit_bp: u32,
        mandate_advance_cap_bp: u32,
        advance_max_months_before_arrival: u32,
        balance_due_days_before_arrival: u32,
    ) -> Result<Self, ScheduleRulesError> {
        for (field, value, max) in [
            ("depositBp", deposit_bp, FULL_BP),
            ("mandateAdvanceCapBp", mandate_advance_cap_bp, FULL_BP),
            (
                "advanceMaxMonthsBeforeArrival",
                advance_max_months_before_arrival,
                MAX_ADVANCE_MONTHS,
            ),
            (
                "balanceDueDaysBeforeArrival",
                balance_due_days_before_arrival,
                MAX_BALANCE_DAYS,
            ),
        ] {
            if value > max {
                return Err(ScheduleRulesError::OutOfRange { field, value, max });
            }
        }
        Ok(Self {
            deposit_bp,
            mandate_advance_cap_bp,
            advance_max_months_before_arrival,
            balance_due_days_before_arrival,
        })
    }

    /// Deposit, in basis points of the total.
    pub fn deposit_bp(&self) -> u32 {
        self.deposit_bp
    }

    /// Largest advance under a mandate, in basis points of the rent.
    pub fn mandate_advance_cap_bp(&self) -> u32 {
        self.mandate_advance_cap_bp
    }

    /// No payment is due earlier than this many months before arrival.
    pub fn advance_max_months_before_arrival(&self) -> u32 {
        self.advance_max_months_before_arrival
    }

    /// The balance is due this many days before arrival.
    pub fn balance_due_days_before_arrival(&self) -> u32 {
        self.balance_due_days_before_arrival
    }

    /// The day the balance falls due for a check-in on `check_in`.
    pub fn balance_due_on(&self, check_in: NaiveDate) -> NaiveDate {
        check_in
            .checked_sub_days(Days::new(u64::from(self.balance_due_days_before_arrival)))
            .unwrap_or(NaiveDate::MIN)
    }

    /// The earliest day any payment may fall due for a check-in on `check_in`.
    pub fn earliest_payment_on(&self, check_in: NaiveDate) -> NaiveDate {
        check_in
            .checked_sub_months(Months::new(self.advance_max_months_before_arrival))
            .unwrap_or(NaiveDate::MIN)
    }
}

/// The installments of a stay, in due order; they sum exactly to `total`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentSchedule {
    /// One or two installments, none of zero amount unless the total is zero.
    pub installments: Vec<Installment>,
    /// What they add up to.
    pub total: Money,
}

/// `amount × basis_points / 10 000` rounded down, for a non-negative `amount`.
fn percent_bp_floor(amount: Money, basis_points: u32) -> Result<Money, PricingError> {
    let product = i128::from(amount.amount_minor())
        .checked_mul(i128::from(basis_points))
        .ok_or(MoneyError::Overflow)?;
    money_from_i128(product / i128::from(FULL_BP), amount.currency())
}

/// The installments for a stay costing `total`, of which `rent` is the accommodation
/// (discounted, without fees nor taxes), booked on `today` for a check-in on `check_in`;
/// `money_model_is_mandate` when the agency collects the money under a management mandate.
///
/// Both amounts must be in one currency and not negative.
pub fn payment_schedule(
    rules: &ScheduleRules,
    total: Money,
    rent: Money,
    today: NaiveDate,
    check_in: NaiveDate,
    money_model_is_mandate: bool,
) -> Result<PaymentSchedule, PricingError> {
    ensure_currency(total.currency(), rent)?;
    ensure_not_negative(total, "total")?;
    ensure_not_negative(rent, "rent")?;

    let balance_due = rules.balance_due_on(check_in);
    if today >= balance_due || total.is_zero() {
        return Ok(PaymentSchedule {
            installments: vec![Installment {
                kind: InstallmentKind::FullPayment,
                amount: total,
                due_on: today,
            }],
            total,
        });
    }

    let mut deposit = total.percent_bp(rules.deposit_bp.min(FULL_BP))?;
    if money_model_is_mandate {
        let cap = percent_bp_floor(rent, rules.mandate_advance_cap_bp.min(FULL_BP))?;
        if cap.amount_minor() < deposit.amount_minor() {
            deposit = cap;
        }
    }
    let balance = total.checked_sub(deposit)?;
    let deposit_due = today
        .max(rules.earliest_payment_on(check_in))
        .min(balance_due);

    let installments = [
        Installment {
            kind: InstallmentKind::Deposit,
            amount: deposit,
            due_on: deposit_due,
        },
        Installment {
            kind: InstallmentKind::Balance,
            amount: balance,
            due_on: balance_due,
        },
    ]
    .into_iter()
    .filter(|installment| !installment.amount.is_zero())
    .collect();
    Ok(PaymentSchedule {
        installments,
        total,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use sejour_core::value_objects::Currency;

    use super::*;
    use crate::domain::pricing::rates::tests::{day, eur};

    fn schedule(total: i64, rent: i64, today: NaiveDate, mandate: bool) -> PaymentSchedule {
        payment_schedule(
            &ScheduleRules::default(),
            eur(total),
            eur(rent),
            today,
            day(2026, 6, 27),
            mandate,
        )
        .unwrap()
    }

    fn installment(kind: InstallmentKind, amount: i64, due_on: NaiveDate) -> Installment {
        Installment {
            kind,
            amount: eur(amount),
            due_on,
        }
    }

    #[test]
    fn given_booking_months_ahead_when_scheduling_then_deposit_now_and_balance_30_days_before() {
        // Given a 1 070.82 € stay booked on 1 March for 27 June
        let plan = schedule(107_082, 76_500, day(2026, 3, 1), false);
        // Then 30 % (321.246 → 321.25 €) now, the rest on 28 May
        assert_eq!(
            plan.installments,
            vec![
                installment(InstallmentKind::Deposit, 32_125, day(2026, 3, 1)),
                installment(InstallmentKind::Balance, 74_957, day(2026, 5, 28)),
            ]
        );
        assert_eq!(plan.total, eur(107_082));
    }

    #[test]
    fn given_mandate_when_scheduling_then_deposit_capped_at_a_quarter_of_the_rent() {
        // Given the agency collects under a mandate; rent 765 €
        let plan = schedule(107_082, 76_500, day(2026, 3, 1), true);
        // Then the deposit is 25 % of 765 € = 191.25 € (below 30 % of the total)
        assert_eq!(plan.installments[0].amount, eur(19_125));
        assert_eq!(plan.installments[1].amount, eur(87_957));
    }

    #[test]
    fn given_mandate_when_cap_has_a_fraction_then_rounded_down() {
        // Rent 100.03 € → 25 % = 25.0075 € → 25.00 € (never above the legal cap)
        let plan = schedule(20_000, 10_003, day(2026, 3, 1), true);
        assert_eq!(plan.installments[0].amount, eur(2_500));
        assert_eq!(plan.installments[1].amount, eur(17_500));
    }

    #[test]
    fn given_mandate_when_deposit_below_the_cap_then_deposit_unchanged() {
        // Given a 20 % deposit rule: 20 % of 100 € is below 25 % of the 100 € rent,
        // so the cap does not bite and the deposit stays 20 €.
        let rules = ScheduleRules::new(2_000, 2_500, 6, 30).unwrap();
        let plan = payment_schedule(
            &rules,
            eur(10_000),
            eur(10_000),
            day(2026, 3, 1),
            day(2026, 6, 27),
            true,
        )
        .unwrap();
        assert_eq!(plan.installments[0].amount, eur(2_000));
    }

    #[test]
    fn given_booking_within_30_days_when_scheduling_then_one_payment_now() {
        // 28 May is exactly 30 days before 27 June: the balance would be due today
        let plan = schedule(107_082, 76_500, day(2026, 5, 28), true);
        assert_eq!(
            plan.installments,
            vec![installment(
                InstallmentKind::FullPayment,
                107_082,
                day(2026, 5, 28)
            )]
        );
        // The day before, there is still a deposit
        let plan = schedule(107_082, 76_500, day(2026, 5, 27), false);
        assert_eq!(plan.installments.len(), 2);
    }

    #[test]
    fn given_booking_more_than_6_months_ahead_when_scheduling_then_deposit_due_6_months_before() {
        // Booked 1 October 2025 for 27 June 2026: deposit due 27 December 2025
        let plan = schedule(107_082, 76_500, day(2025, 10, 1), false);
        assert_eq!(plan.installments[0].due_on, day(2025, 12, 27));
        assert_eq!(plan.installments[1].due_on, day(2026, 5, 28));
        // Booked exactly 6 months ahead: due today
        let plan = schedule(107_082, 76_500, day(2025, 12, 27), false);
        assert_eq!(plan.installments[0].due_on, day(2025, 12, 27));
    }

    #[test]
    fn given_month_end_arrival_when_computing_six_months_before_then_clamped_to_month_end() {
        let rules = ScheduleRules::default();
        assert_eq!(
            rules.earliest_payment_on(day(2026, 8, 31)),
            day(2026, 2, 28)
        );
        assert_eq!(rules.balance_due_on(day(2026, 3, 1)), day(2026, 1, 30));
    }

    #[test]
    fn given_zero_deposit_or_full_deposit_when_scheduling_then_no_zero_installment() {
        let none = ScheduleRules::new(0, 2_500, 6, 30).unwrap();
        let plan = payment_schedule(
            &none,
            eur(10_000),
            eur(8_000),
            day(2026, 3, 1),
            day(2026, 6, 27),
            false,
        )
        .unwrap();
        assert_eq!(
            plan.installments,
            vec![installment(
                InstallmentKind::Balance,
                10_000,
                day(2026, 5, 28)
            )]
        );
        let all = ScheduleRules::new(10_000, 2_500, 6, 30).unwrap();
        let plan = payment_schedule(
            &all,
            eur(10_000),
            eur(8_000),
            day(2026, 3, 1),
            day(2026, 6, 27),
            false,
        )
        .unwrap();
        assert_eq!(
            plan.installments,
            vec![installment(
                InstallmentKind::Deposit,
                10_000,
                day(2026, 3, 1)
            )]
        );
        let free = schedule(0, 0, day(2026, 3, 1), false);
        assert_eq!(
            free.installments,
            vec![installment(
                InstallmentKind::FullPayment,
                0,
                day(2026, 3, 1)
            )]
        );
    }

    #[test]
    fn given_odd_totals_when_scheduling_then_installments_sum_exactly() {
        for total in [1, 3, 99_999, 12_345_678] {
            for mandate in [false, true] {
                let plan = schedule(total, total / 3, day(2026, 1, 5), mandate);
                let sum = plan
                    .installments
                    .iter()
                    .try_fold(eur(0), |sum, i| sum.checked_add(i.amount))
                    .unwrap();
                assert_eq!(sum, eur(total), "{total} {mandate}");
            }
        }
    }

    #[test]
    fn given_bad_amounts_when_scheduling_then_error_not_panic() {
        let rules = ScheduleRules::default();
        let (today, check_in) = (day(2026, 1, 1), day(2026, 6, 1));
        let mixed = payment_schedule(
            &rules,
            eur(1),
            Money::new(1, Currency::USD),
            today,
            check_in,
            false,
        );
        assert_eq!(mixed.unwrap_err().code(), "money.currency_mismatch");
        let negative = payment_schedule(&rules, eur(-1), eur(0), today, check_in, false);
        assert_eq!(negative.unwrap_err().code(), "pricing.negative_amount");
        let extreme = payment_schedule(
            &rules,
            eur(i64::MAX),
            eur(i64::MAX),
            NaiveDate::MIN,
            NaiveDate::MIN,
            true,
        );
        assert!(extreme.is_ok());
    }

    #[test]
    fn given_rules_out_of_range_when_building_then_refused() {
        assert_eq!(
            ScheduleRules::new(10_001, 2_500, 6, 30).unwrap_err().code(),
            "schedule.invalid_rules"
        );
        assert!(ScheduleRules::new(3_000, 10_001, 6, 30).is_err());
        assert!(ScheduleRules::new(3_000, 2_500, 25, 30).is_err());
        assert!(ScheduleRules::new(3_000, 2_500, 6, 366).is_err());
        let rules = ScheduleRules::new(3_000, 2_500, 6, 30).unwrap();
        assert_eq!(rules, ScheduleRules::default());
        assert_eq!(rules.deposit_bp(), 3_000);
        assert_eq!(rules.mandate_advance_cap_bp(), 2_500);
        assert_eq!(rules.advance_max_months_before_arrival(), 6);
        assert_eq!(rules.balance_due_days_before_arrival(), 30);
    }
}
