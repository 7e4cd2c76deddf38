//! Quotes: whether a stay may be booked under a property's rates, and what it costs,
//! line by line, with its payment schedule.
//!
//! The named rules a stay must respect, checked in this order (the first broken one is
//! reported, with its code):
//!
//! 1. `PartyMustIncludeAnAdult` (`quote.no_adult`).
//! 2. `PartyMustFitTheCapacity` (`quote.capacity`): adults + children ≤ the property's
//!    capacity.
//! 3. `StayMustNotStartInThePast` (`quote.past_dates`): check-in on or after today.
//! 4. `StayMustNotExceedNinetyNights` (`quote.too_long`): a French seasonal rental is let
//!    for at most 90 consecutive days to the same tenant.
//! 5. `StayMustRespectMinimumNights` (`quote.minimum_stay`): the minimum of the season the
//!    check-in night falls in, else the plan's default.
//! 6. `StayMustStartOnAnArrivalDay` (`quote.arrival_day`): when the check-in night's season
//!    restricts arrival days.
//!
//! Availability is checked elsewhere (the calendar). A tourist tax in another currency than
//! the rates is refused with `quote.currency_mismatch`.
//!
//! # The price
//!
//! - **Rent**: each night at its season's price, else the base price, grouped in one line
//!   per season (and one for the base price); minus the length-of-stay discount
//!   ([`RatePlan::stay_discount`]), rounded half up.
//! - **Fees**: the cleaning fee, once; the extra-guest fee per night for each guest —
//!   adult or child — above the plan's threshold.
//! - **Subtotal** = rent + fees. **Total** = subtotal + tourist tax.
//! - **Tourist tax**: taxable persons are the adults plus any "child" aged 18 or more;
//!   children under 18 are exempt but count as occupants. In the proportional regime, the
//!   price of a night is its share of the discounted rent (the rent split across the nights
//!   in proportion to their rates, to the cent, summing exactly to the rent) plus that
//!   night's extra-guest fee; the cleaning fee is not part of it.
//! - **Payment schedule**: see [`payment_schedule`](super::payment_schedule()); the rent used
//!   for the mandate cap is the discounted rent, without fees nor taxes.
//! - The **security deposit** is shown but is not part of the total: it is held, not
//!   charged.

use chrono::{Datelike, NaiveDate, Weekday};
use sejour_core::{
    BusinessRule, check_rule,
    value_objects::{Currency, Money, MoneyError, ReservationPeriod},
};
use serde::Serialize;

use super::PricingError;
use super::cancellation::CancellationPolicy;
use super::payment_schedule::{PaymentSchedule, ScheduleRules, payment_schedule};
use super::rates::{RatePlan, StayDiscountKind};
use super::tourist_tax::{TaxableNight, TouristTaxBreakdown, TouristTaxConfig};

/// The longest stay, in nights: a French seasonal rental (*location saisonnière*) is let
/// for at most 90 consecutive days to the same tenant.
pub const MAX_STAY_NIGHTS: u32 = 90;

/// From this age, a guest pays the tourist tax; below it, they are exempt.
pub const AGE_OF_MAJORITY: u8 = 18;

/// Why a stay cannot be quoted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuoteRefused {
    /// Nobody aged 18 or more among the guests declared as adults.
    #[error("at least one adult must stay")]
    NoAdult,
    /// More guests than the property hosts.
    #[error("{guests} guests exceed the property's capacity of {capacity}")]
    Capacity {
        /// Adults and children.
        guests: u64,
        /// The property's capacity.
        capacity: u32,
    },
    /// Check-in before today.
    #[error("check-in {check_in} is in the past (today is {today})")]
    PastDates {
        /// Arrival day.
        check_in: NaiveDate,
        /// Today.
        today: NaiveDate,
    },
    /// More than 90 nights.
    #[error("a stay lasts at most {max} nights; this one lasts {nights}")]
    TooLong {
        /// Nights asked.
        nights: i64,
        /// The maximum.
        max: u32,
    },
    /// Fewer nights than the minimum stay for that check-in.
    #[error(
        "stays checking in on {check_in} last at least {minimum} nights; this one lasts {nights}"
    )]
    MinimumStay {
        /// Arrival day.
        check_in: NaiveDate,
        /// Nights asked.
        nights: u32,
        /// The minimum.
        minimum: u32,
    },
    /// The check-in night's season does not allow arrivals on that weekday.
    #[error("arrivals on {weekday} are not allowed on {check_in}")]
    ArrivalDay {
        /// Arrival day.
        check_in: NaiveDate,
        /// Its weekday.
        weekday: Weekday,
        /// The weekdays allowed.
        allowed: Vec<Weekday>,
    },
    /// The tourist tax is configured in another currency than the rates.
    #[error("the rates are in {rates} but the tourist tax is in {tax}")]
    CurrencyMismatch {
        /// The rate plan's currency.
        rates: Currency,
        /// The tourist tax's currency.
        tax: Currency,
    },
    /// A child declared aged 18 or more (the party is checked with the core's
    /// `Occupants` before a quote).
    #[error("a child's age must be under {AGE_OF_MAJORITY}, not {age}")]
    ChildAge {
        /// The age given.
        age: u8,
    },
    /// A computation failed (overflow with extreme figures); the code is the cause's.
    #[error(transparent)]
    Pricing(#[from] PricingError),
}

impl From<MoneyError> for QuoteRefused {
    fn from(error: MoneyError) -> Self {
        QuoteRefused::Pricing(error.into())
    }
}

impl QuoteRefused {
    /// A stable, machine-readable code for this refusal.
    pub fn code(&self) -> &'static str {
        match self {
            QuoteRefused::NoAdult => "quote.no_adult",
            QuoteRefused::Capacity { .. } => "quote.capacity",
            QuoteRefused::PastDates { .. } => "quote.past_dates",
            QuoteRefused::TooLong { .. } => "quote.too_long",
            QuoteRefused::MinimumStay { .. } => "quote.minimum_stay",
            QuoteRefused::ArrivalDay { .. } => "quote.arrival_day",
            QuoteRefused::CurrencyMismatch { .. } => "quote.currency_mismatch",
            QuoteRefused::ChildAge { .. } => "quote.child_age",
            QuoteRefused::Pricing(error) => error.code(),
        }
    }
}

/// `PartyMustIncludeAnAdult`: at least one adult stays.
#[derive(Debug, Clone, Copy)]
pub struct PartyMustIncludeAnAdult {
    /// The adults declared.
    pub adults: u32,
}

impl BusinessRule for PartyMustIncludeAnAdult {
    type Error = QuoteRefused;

    fn is_broken(&self) -> bool {
        self.adults == 0
    }

    fn error(&self) -> QuoteRefused {
        QuoteRefused::NoAdult
    }
}

/// `PartyMustFitTheCapacity`: `guests` (adults and children) ≤ `capacity`.
#[derive(Debug, Clone, Copy)]
pub struct PartyMustFitTheCapacity {
    /// Adults and children.
    pub guests: u64,
    /// The property's capacity.
    pub capacity: u32,
}

impl BusinessRule for PartyMustFitTheCapacity {
    type Error = QuoteRefused;

    fn is_broken(&self) -> bool {
        self.guests > u64::from(self.capacity)
    }

    fn error(&self) -> QuoteRefused {
        QuoteRefused::Capacity {
            guests: self.guests,
            capacity: self.capacity,
        }
    }
}

/// `StayMustNotStartInThePast`: check-in today or later.
#[derive(Debug, Clone, Copy)]
pub struct StayMustNotStartInThePast<'a> {
    /// The stay.
    pub stay: &'a ReservationPeriod,
    /// The booking day.
    pub today: NaiveDate,
}

impl BusinessRule for StayMustNotStartInThePast<'_> {
    type Error = QuoteRefused;

    fn is_broken(&self) -> bool {
        self.stay.check_in() < self.today
    }

    fn error(&self) -> QuoteRefused {
        QuoteRefused::PastDates {
            check_in: self.stay.check_in(),
            today: self.today,
        }
    }
}

/// `StayMustNotExceedNinetyNights`: at most [`MAX_STAY_NIGHTS`] nights.
#[derive(Debug, Clone, Copy)]
pub struct StayMustNotExceedNinetyNights<'a>(pub &'a ReservationPeriod);

impl StayMustNotExceedNinetyNights<'_> {
    /// The number of nights, when the rule holds.
    pub fn nights(&self) -> Option<u32> {
        u32::try_from(self.0.nights())
            .ok()
            .filter(|n| *n <= MAX_STAY_NIGHTS)
    }
}

impl BusinessRule for StayMustNotExceedNinetyNights<'_> {
    type Error = QuoteRefused;

    fn is_broken(&self) -> bool {
        self.nights().is_none()
    }

    fn error(&self) -> QuoteRefused {
        QuoteRefused::TooLong {
            nights: self.0.nights(),
            max: MAX_STAY_NIGHTS,
        }
    }
}

/// `StayMustRespectMinimumNights`: at least the minimum stay of the check-in night's
/// season, else the plan's default.
#[derive(Debug, Clone, Copy)]
pub struct StayMustRespectMinimumNights<'a> {
    /// The rates.
    pub plan: &'a RatePlan,
    /// The stay.
    pub stay: &'a ReservationPeriod,
    /// Its nights.
    pub nights: u32,
}

impl BusinessRule for StayMustRespectMinimumNights<'_> {
    type Error = QuoteRefused;

    fn is_broken(&self) -> bool {
        self.nights < self.plan.min_nights_on(self.stay.check_in())
    }

    fn error(&self) -> QuoteRefused {
        QuoteRefused::MinimumStay {
            check_in: self.stay.check_in(),
            nights: self.nights,
            minimum: self.plan.min_nights_on(self.stay.check_in()),
        }
    }
}

/// `StayMustStartOnAnArrivalDay`: when the check-in night's season restricts arrival days,
/// the check-in weekday is one of them.
#[derive(Debug, Clone, Copy)]
pub struct StayMustStartOnAnArrivalDay<'a> {
    /// The rates.
    pub plan: &'a RatePlan,
    /// The stay.
    pub stay: &'a ReservationPeriod,
}

impl StayMustStartOnAnArrivalDay<'_> {
    fn allowed(&self) -> Option<&[Weekday]> {
        self.plan
            .season_on(self.stay.check_in())
            .and_then(|season| season.arrival_days())
    }
}

impl BusinessRule for StayMustStartOnAnArrivalDay<'_> {
    type Error = QuoteRefused;

    fn is_broken(&self) -> bool {
        self.allowed()
            .is_some_and(|allowed| !allowed.contains(&self.stay.check_in().weekday()))
    }

    fn error(&self) -> QuoteRefused {
        QuoteRefused::ArrivalDay {
            check_in: self.stay.check_in(),
            weekday: self.stay.check_in().weekday(),
            allowed: self.allowed().map(<[Weekday]>::to_vec).unwrap_or_default(),
        }
    }
}

/// Where a night's price comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum RateSource {
    /// The plan's base price.
    Base,
    /// A season's price.
    Season {
        /// The season's name.
        name: String,
    },
}

/// The nights of the stay priced alike: `nightly × nights = amount`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NightlyLine {
    /// Base price or which season.
    pub rate: RateSource,
    /// The first of these nights.
    pub first_night: NaiveDate,
    /// How many nights.
    pub nights: u32,
    /// Price of one night.
    pub nightly: Money,
    /// `nightly × nights`.
    pub amount: Money,
}

/// The length-of-stay discount applied to the rent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StayDiscount {
    /// Weekly or monthly.
    pub kind: StayDiscountKind,
    /// Its rate, in basis points.
    pub rate_bp: u32,
    /// `rent before discount × rate`, rounded half up (a positive amount, subtracted).
    pub amount: Money,
}

/// The fee for guests above the plan's threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtraGuestFee {
    /// Guests above the threshold.
    pub extra_guests: u32,
    /// Fee per extra guest and per night.
    pub per_guest_night: Money,
    /// Nights.
    pub nights: u32,
    /// `extra_guests × per_guest_night × nights`.
    pub amount: Money,
}

/// The price of a stay, line by line, and when it is paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// The currency of every amount.
    pub currency: Currency,
    /// The stay.
    pub period: ReservationPeriod,
    /// Its nights.
    pub nights: u32,
    /// Adults.
    pub adults: u32,
    /// Children (any age given as a child).
    pub children: u32,
    /// The rent before discount, one line per season and one for the base price.
    pub nightly_lines: Vec<NightlyLine>,
    /// The sum of the nightly lines.
    pub rent_before_discount: Money,
    /// The length-of-stay discount, if any.
    pub discount: Option<StayDiscount>,
    /// Rent before discount − discount.
    pub rent: Money,
    /// Cleaning fee.
    pub cleaning_fee: Money,
    /// Extra-guest fee, if any guest is above the threshold and the fee is not zero.
    pub extra_guest_fee: Option<ExtraGuestFee>,
    /// Cleaning fee + extra-guest fee.
    pub fees: Money,
    /// Rent + fees.
    pub subtotal: Money,
    /// The tourist tax and its computation.
    pub tourist_tax: TouristTaxBreakdown,
    /// Subtotal + tourist tax: what the guest pays.
    pub total: Money,
    /// When the total is paid.
    pub schedule: PaymentSchedule,
    /// Held on the guest's card, not charged, not in the total.
    pub security_deposit: Money,
    /// What a cancellation refunds.
    pub cancellation_policy: CancellationPolicy,
}

impl Quote {
    /// What to refund if the guest, having paid `total_paid`, cancels on `cancelled_on`
    /// (see [`sejour_core::value_objects::refund_due`]).
    pub fn refund_due(
        &self,
        total_paid: Money,
        cancelled_on: NaiveDate,
    ) -> Result<Money, PricingError> {
        sejour_core::value_objects::refund_due(
            self.cancellation_policy,
            total_paid,
            self.rent,
            self.fees,
            cancelled_on,
            self.period.check_in(),
        )
        .map_err(PricingError::from)
    }
}

/// Quotes a stay: checks the rules of the [module](self) in order, then prices it.
///
/// `children_ages` has one age per child (children count as guests for the capacity and the
/// extra-guest fee; those under 18 are exempt from the tourist tax). `today` is the
/// booking day; `capacity` the property's; `money_model_is_mandate` when the agency collects
/// the money under a management mandate (caps the deposit).
#[expect(
    clippy::too_many_arguments,
    reason = "the published interface of the pricing service; each argument is a distinct input"
)]
pub fn quote(
    plan: &RatePlan,
    tax: &TouristTaxConfig,
    stay: ReservationPeriod,
    adults: u32,
    children_ages: &[u8],
    today: NaiveDate,
    capacity: u32,
    rules: &ScheduleRules,
    money_model_is_mandate: bool,
) -> Result<Quote, QuoteRefused> {
    let children_count = u64::try_from(children_ages.len()).unwrap_or(u64::MAX);
    check_rule(PartyMustIncludeAnAdult { adults })?;
    let guests = u64::from(adults).saturating_add(children_count);
    check_rule(PartyMustFitTheCapacity { guests, capacity })?;
    check_rule(StayMustNotStartInThePast { stay: &stay, today })?;
    let too_long = StayMustNotExceedNinetyNights(&stay);
    let nights = too_long.nights().ok_or_else(|| too_long.error())?;
    check_rule(StayMustRespectMinimumNights {
        plan,
        stay: &stay,
        nights,
    })?;
    check_rule(StayMustStartOnAnArrivalDay { plan, stay: &stay })?;

    let currency = plan.currency();
    if tax.currency() != currency {
        return Err(QuoteRefused::CurrencyMismatch {
            rates: currency,
            tax: tax.currency(),
        });
    }
    // Guests fit in a u32 capacity, so these conversions cannot fail.
    let guests = u32::try_from(guests).map_err(|_| MoneyError::Overflow)?;
    let children = u32::try_from(children_count).map_err(|_| MoneyError::Overflow)?;

    // Rent, night by night, grouped per rate source (base or season index).
    let mut night_rates: Vec<(NaiveDate, Money)> = Vec::new();
    let mut groups: Vec<(Option<usize>, NaiveDate, u32, Money)> = Vec::new();
    for night in stay.as_date_range().iter_days() {
        let source = plan.season_index_on(night);
        let nightly = plan.nightly_on(night);
        night_rates.push((night, nightly));
        match groups.iter_mut().find(|group| group.0 == source) {
            Some(group) => group.2 = group.2.checked_add(1).ok_or(MoneyError::Overflow)?,
            None => groups.push((source, night, 1, nightly)),
        }
    }
    let mut nightly_lines = Vec::with_capacity(groups.len());
    let mut rent_before_discount = Money::zero(currency);
    for (source, first_night, count, nightly) in groups {
        let rate = match source.and_then(|index| plan.seasons().get(index)) {
            Some(season) => RateSource::Season {
                name: season.name().to_owned(),
            },
            None => RateSource::Base,
        };
        let amount = nightly.checked_mul(i64::from(count))?;
        rent_before_discount = rent_before_discount.checked_add(amount)?;
        nightly_lines.push(NightlyLine {
            rate,
            first_night,
            nights: count,
            nightly,
            amount,
        });
    }

    let discount = plan
        .stay_discount(nights)
        .map(|(kind, rate_bp)| {
            rent_before_discount
                .percent_bp(rate_bp)
                .map(|amount| StayDiscount {
                    kind,
                    rate_bp,
                    amount,
                })
        })
        .transpose()?;
    let rent = match &discount {
        Some(discount) => rent_before_discount.checked_sub(discount.amount)?,
        None => rent_before_discount,
    };

    let extra_guests = guests.saturating_sub(plan.extra_guest_threshold());
    let extra_per_night = plan
        .extra_guest_fee_per_night()
        .checked_mul(i64::from(extra_guests))?;
    let extra_guest_fee = if extra_per_night.is_zero() {
        None
    } else {
        Some(ExtraGuestFee {
            extra_guests,
            per_guest_night: plan.extra_guest_fee_per_night(),
            nights,
            amount: extra_per_night.checked_mul(i64::from(nights))?,
        })
    };
    let cleaning_fee = plan.cleaning_fee();
    let fees = match &extra_guest_fee {
        Some(extra) => cleaning_fee.checked_add(extra.amount)?,
        None => cleaning_fee,
    };
    let subtotal = rent.checked_add(fees)?;

    // The tourist tax: each night's share of the rent, plus its extra-guest fee.
    let weights = night_rates
        .iter()
        .map(|(_, nightly)| u32::try_from(nightly.amount_minor()))
        .collect::<Result<Vec<u32>, _>>()
        .map_err(|_| MoneyError::Overflow)?;
    let shares = rent.allocate(&weights)?;
    let taxable_nights = night_rates
        .iter()
        .zip(shares)
        .map(|((date, _), share)| {
            share
                .checked_add(extra_per_night)
                .map(|price| TaxableNight { date: *date, price })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let minors = children_ages
        .iter()
        .filter(|age| **age < AGE_OF_MAJORITY)
        .count();
    let minors = u32::try_from(minors).map_err(|_| MoneyError::Overflow)?;
    let taxable_adults = adults
        .checked_add(children.saturating_sub(minors))
        .ok_or(MoneyError::Overflow)?;
    let tourist_tax = tax.compute(&taxable_nights, taxable_adults, minors)?;

    let total = subtotal.checked_add(tourist_tax.total)?;
    let schedule = payment_schedule(
        rules,
        total,
        rent,
        today,
        stay.check_in(),
        money_model_is_mandate,
    )?;

    Ok(Quote {
        currency,
        period: stay,
        nights,
        adults,
        children,
        nightly_lines,
        rent_before_discount,
        discount,
        rent,
        cleaning_fee,
        extra_guest_fee,
        fees,
        subtotal,
        tourist_tax,
        total,
        schedule,
        security_deposit: plan.security_deposit(),
        cancellation_policy: plan.cancellation_policy(),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::pricing::payment_schedule::{Installment, InstallmentKind};
    use crate::domain::pricing::rates::tests::{day, eur, plan};
    use crate::domain::pricing::tourist_tax::TouristTaxRegime;
    use crate::domain::pricing::tourist_tax::tests::proportional;

    fn stay(check_in: NaiveDate, check_out: NaiveDate) -> ReservationPeriod {
        ReservationPeriod::new(check_in, check_out).unwrap()
    }

    /// Quotes with the test plan, 5 % proportional tax capped at 4.60 € + 10 %, capacity 6,
    /// default schedule rules, booked on 1 March 2026, no mandate.
    fn quote_for(
        stay: ReservationPeriod,
        adults: u32,
        children: &[u8],
    ) -> Result<Quote, QuoteRefused> {
        quote(
            &plan(),
            &proportional(500, 460, 1_000),
            stay,
            adults,
            children,
            day(2026, 3, 1),
            6,
            &ScheduleRules::default(),
            false,
        )
    }

    #[test]
    fn given_a_week_across_the_summer_start_when_quoting_then_every_line_is_exact() {
        // Given 4 adults and 2 children (5 and 12) from Saturday 27 June to Saturday 4 July
        let quote = quote_for(stay(day(2026, 6, 27), day(2026, 7, 4)), 4, &[5, 12]).unwrap();

        // Then 4 base nights at 100 € and 3 summer nights at 150 € = 850 €
        assert_eq!(
            quote.nightly_lines,
            vec![
                NightlyLine {
                    rate: RateSource::Base,
                    first_night: day(2026, 6, 27),
                    nights: 4,
                    nightly: eur(10_000),
                    amount: eur(40_000),
                },
                NightlyLine {
                    rate: RateSource::Season {
                        name: "Summer".into()
                    },
                    first_night: day(2026, 7, 1),
                    nights: 3,
                    nightly: eur(15_000),
                    amount: eur(45_000),
                },
            ]
        );
        assert_eq!(quote.rent_before_discount, eur(85_000));
        // And the weekly discount, 10 %: 85 €, rent 765 €
        assert_eq!(
            quote.discount,
            Some(StayDiscount {
                kind: StayDiscountKind::Weekly,
                rate_bp: 1_000,
                amount: eur(8_500),
            })
        );
        assert_eq!(quote.rent, eur(76_500));
        // And 6 guests, 4 included: 2 × 15 € × 7 nights = 210 €, plus 60 € cleaning
        assert_eq!(
            quote.extra_guest_fee,
            Some(ExtraGuestFee {
                extra_guests: 2,
                per_guest_night: eur(1_500),
                nights: 7,
                amount: eur(21_000),
            })
        );
        assert_eq!(quote.fees, eur(27_000));
        assert_eq!(quote.subtotal, eur(103_500));
        // And the tourist tax: base nights 90 € + 30 € = 120 € / 6 occupants × 5 % = 1.00 €;
        // summer nights 135 € + 30 € = 165 € / 6 × 5 % = 1.375 → 1.38 €; 4 adults:
        // 16.00 + 16.56 = 32.56 €, +10 % = 3.256 → 3.26 €; 35.82 €
        let per_line: Vec<(u32, Money, Money)> = quote
            .tourist_tax
            .lines
            .iter()
            .map(|line| (line.nights, line.per_adult_night, line.amount))
            .collect();
        assert_eq!(
            per_line,
            vec![(4, eur(100), eur(1_600)), (3, eur(138), eur(1_656))]
        );
        assert_eq!(quote.tourist_tax.communal, eur(3_256));
        assert_eq!(quote.tourist_tax.departmental, eur(326));
        assert_eq!(quote.tourist_tax.total, eur(3_582));
        assert_eq!((quote.tourist_tax.adults, quote.tourist_tax.minors), (4, 2));
        // And the total 1 070.82 €: 30 % now (321.25 €), the rest on 28 May
        assert_eq!(quote.total, eur(107_082));
        assert_eq!(
            quote.schedule.installments,
            vec![
                Installment {
                    kind: InstallmentKind::Deposit,
                    amount: eur(32_125),
                    due_on: day(2026, 3, 1),
                },
                Installment {
                    kind: InstallmentKind::Balance,
                    amount: eur(74_957),
                    due_on: day(2026, 5, 28),
                },
            ]
        );
        assert_eq!(quote.security_deposit, eur(50_000));
        assert_eq!(quote.cancellation_policy, CancellationPolicy::Moderate);
        assert_eq!((quote.nights, quote.adults, quote.children), (7, 4, 2));
        assert_eq!(quote.currency, Currency::EUR);
    }

    #[test]
    fn given_mandate_when_quoting_then_deposit_is_a_quarter_of_the_rent() {
        let quote = quote(
            &plan(),
            &proportional(500, 460, 1_000),
            stay(day(2026, 6, 27), day(2026, 7, 4)),
            4,
            &[5, 12],
            day(2026, 3, 1),
            6,
            &ScheduleRules::default(),
            true,
        )
        .unwrap();
        assert_eq!(quote.schedule.installments[0].amount, eur(19_125));
        assert_eq!(quote.schedule.installments[1].amount, eur(87_957));
    }

    #[test]
    fn given_a_month_when_quoting_then_monthly_discount_replaces_weekly() {
        // 28 nights from 1 February at 100 €: 2 800 € − 20 % = 2 240 €
        let quote = quote_for(stay(day(2026, 2, 1), day(2026, 3, 1)), 2, &[]);
        // Booked 1 March: that is in the past
        assert_eq!(quote.unwrap_err().code(), "quote.past_dates");
        let quote = quote_for(stay(day(2026, 3, 1), day(2026, 3, 29)), 2, &[]).unwrap();
        assert_eq!(
            quote.discount.map(|d| d.kind),
            Some(StayDiscountKind::Monthly)
        );
        assert_eq!(quote.rent, eur(224_000));
        // 2 guests, threshold 4: no extra-guest fee
        assert_eq!(quote.extra_guest_fee, None);
        assert_eq!(quote.fees, eur(6_000));
    }

    #[test]
    fn given_short_stay_when_quoting_then_no_discount() {
        let quote = quote_for(stay(day(2026, 3, 10), day(2026, 3, 12)), 1, &[]).unwrap();
        assert_eq!(quote.discount, None);
        assert_eq!(quote.rent, eur(20_000));
    }

    #[test]
    fn given_check_in_today_or_yesterday_when_quoting_then_past_dates_only_for_yesterday() {
        assert!(quote_for(stay(day(2026, 3, 1), day(2026, 3, 3)), 1, &[]).is_ok());
        let error = quote_for(stay(day(2026, 2, 28), day(2026, 3, 3)), 1, &[]).unwrap_err();
        assert_eq!(error.code(), "quote.past_dates");
    }

    #[test]
    fn given_ninety_or_ninety_one_nights_when_quoting_then_too_long_only_above_ninety() {
        let check_in = day(2026, 10, 1);
        let ninety = check_in.checked_add_days(chrono::Days::new(90)).unwrap();
        assert_eq!(
            quote_for(stay(check_in, ninety), 1, &[]).unwrap().nights,
            90
        );
        let ninety_one = ninety.succ_opt().unwrap();
        let error = quote_for(stay(check_in, ninety_one), 1, &[]).unwrap_err();
        assert_eq!(error.code(), "quote.too_long");
        assert_eq!(
            error,
            QuoteRefused::TooLong {
                nights: 91,
                max: 90
            }
        );
    }

    #[test]
    fn given_check_in_in_summer_when_staying_less_than_a_week_then_minimum_stay() {
        // Saturday 4 July, 5 nights; summer requires 7
        let error = quote_for(stay(day(2026, 7, 4), day(2026, 7, 9)), 2, &[]).unwrap_err();
        assert_eq!(error.code(), "quote.minimum_stay");
        assert_eq!(
            error,
            QuoteRefused::MinimumStay {
                check_in: day(2026, 7, 4),
                nights: 5,
                minimum: 7
            }
        );
        // Saturday to Saturday is fine
        assert!(quote_for(stay(day(2026, 7, 4), day(2026, 7, 11)), 2, &[]).is_ok());
        // Outside summer, the default 2 nights
        let error = quote_for(stay(day(2026, 6, 1), day(2026, 6, 2)), 2, &[]).unwrap_err();
        assert_eq!(error.code(), "quote.minimum_stay");
        // A stay starting before summer is not held to summer's minimum
        assert!(quote_for(stay(day(2026, 6, 29), day(2026, 7, 2)), 2, &[]).is_ok());
    }

    #[test]
    fn given_summer_check_in_on_a_wednesday_when_quoting_then_arrival_day() {
        let error = quote_for(stay(day(2026, 7, 1), day(2026, 7, 8)), 2, &[]).unwrap_err();
        assert_eq!(error.code(), "quote.arrival_day");
        assert_eq!(
            error,
            QuoteRefused::ArrivalDay {
                check_in: day(2026, 7, 1),
                weekday: Weekday::Wed,
                allowed: vec![Weekday::Sat],
            }
        );
    }

    #[test]
    fn given_party_too_large_or_without_adult_when_quoting_then_refused() {
        let week = stay(day(2026, 6, 1), day(2026, 6, 8));
        let error = quote_for(week, 5, &[3, 4]).unwrap_err();
        assert_eq!(
            error,
            QuoteRefused::Capacity {
                guests: 7,
                capacity: 6
            }
        );
        assert_eq!(error.code(), "quote.capacity");
        assert!(quote_for(week, 4, &[3, 4]).is_ok());
        assert_eq!(
            quote_for(week, 0, &[15]).unwrap_err().code(),
            "quote.no_adult"
        );
        assert_eq!(
            quote_for(week, 0, &[]).unwrap_err().code(),
            "quote.no_adult"
        );
    }

    #[test]
    fn given_a_child_aged_18_when_quoting_then_taxed_as_an_adult() {
        let week = stay(day(2026, 6, 1), day(2026, 6, 8));
        let quote = quote_for(week, 2, &[17, 18]).unwrap();
        assert_eq!((quote.tourist_tax.adults, quote.tourist_tax.minors), (3, 1));
        assert_eq!(quote.children, 2);
    }

    #[test]
    fn given_tax_in_another_currency_when_quoting_then_currency_mismatch() {
        let tax = TouristTaxConfig::new(
            TouristTaxRegime::FixedPerAdultNight {
                rate: Money::new(83, Currency::USD),
            },
            0,
            0,
        )
        .unwrap();
        let error = quote(
            &plan(),
            &tax,
            stay(day(2026, 6, 1), day(2026, 6, 8)),
            2,
            &[],
            day(2026, 3, 1),
            6,
            &ScheduleRules::default(),
            false,
        )
        .unwrap_err();
        assert_eq!(error.code(), "quote.currency_mismatch");
    }

    #[test]
    fn given_a_quote_when_cancelling_then_refund_follows_its_policy() {
        let quote = quote_for(stay(day(2026, 6, 27), day(2026, 7, 4)), 4, &[5, 12]).unwrap();
        // Moderate, 10 days before, everything paid: 50 % of 1 035 € + 35.82 € of tax
        let refund = quote.refund_due(quote.total, day(2026, 6, 17)).unwrap();
        assert_eq!(refund, eur(51_750 + 3_582));
        // Only the deposit paid: the owner keeps it (below the 517.50 € retained)
        let refund = quote
            .refund_due(quote.schedule.installments[0].amount, day(2026, 6, 17))
            .unwrap();
        assert_eq!(refund, eur(0));
    }

    #[test]
    fn given_huge_capacity_and_party_when_quoting_then_quote_or_overflow_error_never_panic() {
        let children = vec![3_u8; 10_000];
        let huge_party = |plan: &RatePlan| {
            quote(
                plan,
                &proportional(500, 460, 1_000),
                stay(day(2026, 6, 1), day(2026, 8, 30)),
                u32::MAX - 10_000,
                &children,
                day(2026, 3, 1),
                u32::MAX,
                &ScheduleRules::default(),
                true,
            )
        };
        // 4 294 967 295 guests × 15 € × 90 nights still fits in the arithmetic
        let quote = huge_party(&plan()).unwrap();
        assert_eq!(
            quote.total,
            quote.subtotal.checked_add(quote.tourist_tax.total).unwrap()
        );
        // At the largest extra-guest fee it does not: an error, not a panic
        let mut draft = plan().to_draft();
        draft.extra_guest_fee_per_night =
            eur(crate::domain::pricing::rates::MAX_CONFIGURED_AMOUNT_MINOR);
        let expensive = RatePlan::new(draft).unwrap();
        assert_eq!(huge_party(&expensive).unwrap_err().code(), "money.overflow");
    }
}
