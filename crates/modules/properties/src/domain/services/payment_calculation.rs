//! `PaymentCalculationService`: the seed's price of a stay — nights per season,
//! length-of-stay discount, cleaning and extra-guest fees, the French tourist tax, the
//! total, the payment schedule (deposit, balance) and the security deposit — over the
//! pricing functions of [`pricing`](crate::domain::pricing).

use chrono::NaiveDate;
use sejour_core::value_objects::{Occupants, OccupantsError, ReservationPeriod};

use crate::domain::pricing::{
    Quote, QuoteRefused, RatePlan, ScheduleRules, TouristTaxConfig, quote,
};

/// Prices stays under the agency's payment-schedule rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PaymentCalculationService {
    rules: ScheduleRules,
}

/// What a property contributes to a quote.
#[derive(Debug, Clone, Copy)]
pub struct PricedProperty<'a> {
    /// Its rates.
    pub rates: &'a RatePlan,
    /// Its tourist-tax regime.
    pub tourist_tax: &'a TouristTaxConfig,
    /// Most guests, children included.
    pub capacity: u32,
}

impl PaymentCalculationService {
    /// The service with the agency's payment-schedule rules.
    pub fn new(rules: ScheduleRules) -> Self {
        Self { rules }
    }

    /// The agency's payment-schedule rules.
    pub fn rules(&self) -> &ScheduleRules {
        &self.rules
    }

    /// The party of a quote, `PartyMustIncludeAnAdult` checked by the core's
    /// [`Occupants`], its errors under the quote's codes (`quote.no_adult`,
    /// `quote.capacity` for a party larger than any property, `quote.child_age`).
    pub fn party(
        adults: u32,
        children_ages: &[u8],
        capacity: u32,
    ) -> Result<Occupants, QuoteRefused> {
        Occupants::new(adults, children_ages.to_vec()).map_err(|e| match e {
            OccupantsError::NoAdult => QuoteRefused::NoAdult,
            OccupantsError::ChildAge { age } => QuoteRefused::ChildAge { age },
            OccupantsError::TooMany { .. } => QuoteRefused::Capacity {
                guests: u64::from(adults)
                    .saturating_add(u64::try_from(children_ages.len()).unwrap_or(u64::MAX)),
                capacity,
            },
        })
    }

    /// The quote of `stay` for `party` at `property`, booked `today`. The agency collects
    /// under a mandate (the cautious schedule: the deposit is capped).
    pub fn quote(
        &self,
        property: PricedProperty<'_>,
        stay: ReservationPeriod,
        party: &Occupants,
        today: NaiveDate,
    ) -> Result<Quote, QuoteRefused> {
        quote(
            property.rates,
            property.tourist_tax,
            stay,
            party.adults(),
            party.children_ages(),
            today,
            property.capacity,
            &self.rules,
            true,
        )
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use sejour_core::value_objects::{Currency, Money};

    use super::*;
    use crate::domain::pricing::{CancellationPolicy, RatePlanDraft, TouristTaxRegime};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn eur(cents: i64) -> Money {
        Money::new(cents, Currency::EUR)
    }

    #[test]
    fn given_a_week_for_two_adults_and_a_child_when_priced_then_the_total_adds_up() {
        let rates = RatePlan::new(RatePlanDraft {
            currency: Currency::EUR,
            base_nightly: eur(10_000),
            seasons: Vec::new(),
            weekly_discount_bp: 0,
            monthly_discount_bp: 0,
            cleaning_fee: eur(5_000),
            extra_guest_fee_per_night: eur(0),
            extra_guest_threshold: 6,
            security_deposit: eur(0),
            default_min_nights: 1,
            cancellation_policy: CancellationPolicy::Moderate,
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let tax = TouristTaxConfig::new(
            TouristTaxRegime::FixedPerAdultNight { rate: eur(100) },
            0,
            0,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let service = PaymentCalculationService::new(ScheduleRules::default());
        let party = PaymentCalculationService::party(2, &[7], 6).unwrap_or_else(|e| panic!("{e}"));
        let stay = ReservationPeriod::new(day(2027, 7, 3), day(2027, 7, 10))
            .unwrap_or_else(|e| panic!("{e}"));
        let property = PricedProperty {
            rates: &rates,
            tourist_tax: &tax,
            capacity: 6,
        };
        let quote = service
            .quote(property, stay, &party, day(2027, 3, 1))
            .unwrap_or_else(|e| panic!("{e}"));
        // 7 nights at 100 €, cleaning 50 €, tax 1 € × 2 adults × 7 nights.
        assert_eq!(quote.total, eur(70_000 + 5_000 + 1_400));
        assert_eq!((quote.adults, quote.children), (2, 1));
    }

    #[test]
    fn a_party_without_an_adult_or_too_large_keeps_the_quote_codes() {
        let no_adult = PaymentCalculationService::party(0, &[5], 6).err();
        assert_eq!(no_adult.map(|e| e.code()), Some("quote.no_adult"));
        let crowd = PaymentCalculationService::party(51, &[], 6).err();
        assert_eq!(crowd.map(|e| e.code()), Some("quote.capacity"));
    }
}
