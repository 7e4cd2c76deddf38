//! The French tourist tax (*taxe de séjour*, Code général des collectivités territoriales,
//! art. L2333-26 and following), as the property's commune levies it.
//!
//! Two regimes:
//! - **Fixed per adult and per night** ([`TouristTaxRegime::FixedPerAdultNight`]): classified
//!   accommodation (star-rated furnished tourist lets...). The rate is the commune's tariff
//!   for the property's category, per person and per night.
//! - **Proportional** ([`TouristTaxRegime::Proportional`]): unclassified accommodation
//!   (e.g. unrated furnished rentals). The commune's rate (1 % to 5 %) applies to the cost
//!   of the night *per occupant*, excluding taxes: the night's accommodation price divided
//!   by the number of occupants, minors included. The result is capped per person and per
//!   night at the commune's ceiling (configured with the tariff, not hard-coded here).
//!
//! Only adults pay: minors (under 18) are exempt, though they count as occupants in the
//! proportional division. Other legal exemptions (seasonal workers, emergency housing...)
//! are not modelled.
//!
//! On top of the communal tax come *additional taxes*, each a percentage of the communal
//! tax: the departmental surcharge (usually 10 %, where the department levies it) and,
//! where applicable, a regional or special surcharge (e.g. the one levied in
//! Île-de-France). Their rates change with finance laws and local decisions, so both are
//! configured per property in basis points and none is hard-coded; 0 where not levied.
//!
//! # Computation and rounding
//!
//! For each night:
//! - communal tax per adult = the fixed rate; or, proportionally,
//!   `min(night price × rate_bp / (occupants × 10 000), cap)`, computed exactly in `i128`
//!   and **rounded half up to the cent per adult and per night**;
//! - communal tax of the night = that amount × adults (no further rounding).
//!
//! The stay's communal tax is the sum over the nights. Each surcharge is **computed once,
//! on the stay's communal total, and rounded half up to the cent**. The total is communal +
//! departmental + regional. Consecutive nights with the same basis are grouped into one
//! [`TouristTaxLine`] showing the computation.

use chrono::NaiveDate;
use sejour_core::value_objects::{Currency, Money, MoneyError};
use serde::{Deserialize, Serialize};

use super::rates::MAX_CONFIGURED_AMOUNT_MINOR;
use super::{
    FULL_BP, PricingError, div_round_half_up, ensure_currency, ensure_not_negative, money_from_i128,
};

/// The proportional rate's legal range, in basis points (1 % to 5 %).
pub const PROPORTIONAL_RATE_BP_RANGE: std::ops::RangeInclusive<u32> = 100..=500;

/// The largest surcharge accepted, in basis points (500 %): a sanity bound, not a legal
/// rate.
pub const MAX_SURCHARGE_BP: u32 = 50_000;

/// How the commune computes its tax.
///
/// Serialized as `{"kind": "fixedPerAdultNight", "rate": {...}}` or
/// `{"kind": "proportional", "rateBp": 500, "capPerAdultNight": {...}}`. A regime is only
/// checked as part of a [`TouristTaxConfig`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum TouristTaxRegime {
    /// Classified accommodation: the commune's tariff per adult and per night.
    FixedPerAdultNight {
        /// Tariff per adult and per night (0 where the commune levies no tax).
        rate: Money,
    },
    /// Unclassified accommodation: a share of the night's price per occupant, capped.
    Proportional {
        /// The commune's rate, 100 to 500 basis points (1 % to 5 %).
        rate_bp: u32,
        /// The commune's ceiling per adult and per night.
        cap_per_adult_night: Money,
    },
}

impl TouristTaxRegime {
    /// The currency the regime's amounts are in.
    pub fn currency(&self) -> Currency {
        match self {
            TouristTaxRegime::FixedPerAdultNight { rate } => rate.currency(),
            TouristTaxRegime::Proportional {
                cap_per_adult_night,
                ..
            } => cap_per_adult_night.currency(),
        }
    }
}

/// Why a tourist-tax configuration was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TouristTaxConfigError {
    /// The fixed rate is negative or absurdly high, or the proportional rate is outside
    /// 1 % to 5 %.
    #[error("invalid tourist tax rate: {reason}")]
    InvalidRate {
        /// What is wrong.
        reason: &'static str,
    },
    /// The proportional cap is negative or absurdly high.
    #[error(
        "the cap per adult and per night must be between 0 and \
         {MAX_CONFIGURED_AMOUNT_MINOR} minor units"
    )]
    InvalidCap,
    /// A surcharge above [`MAX_SURCHARGE_BP`].
    #[error("{field} must be at most {MAX_SURCHARGE_BP} basis points, got {value}")]
    InvalidSurcharge {
        /// Which surcharge.
        field: &'static str,
        /// The value given.
        value: u32,
    },
}

impl TouristTaxConfigError {
    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            TouristTaxConfigError::InvalidRate { .. } => "tourist_tax.invalid_rate",
            TouristTaxConfigError::InvalidCap => "tourist_tax.invalid_cap",
            TouristTaxConfigError::InvalidSurcharge { .. } => "tourist_tax.invalid_surcharge",
        }
    }
}

/// A property's tourist tax: the commune's regime plus the surcharges, valid by
/// construction. Serialized camelCase (`regime`, `departmentalSurchargeBp`,
/// `regionalSurchargeBp`); deserialization validates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "TouristTaxConfigRaw", into = "TouristTaxConfigRaw")]
pub struct TouristTaxConfig {
    regime: TouristTaxRegime,
    departmental_surcharge_bp: u32,
    regional_surcharge_bp: u32,
}

/// The unchecked wire shape of [`TouristTaxConfig`].
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct TouristTaxConfigRaw {
    regime: TouristTaxRegime,
    departmental_surcharge_bp: u32,
    #[serde(default)]
    regional_surcharge_bp: u32,
}

impl TryFrom<TouristTaxConfigRaw> for TouristTaxConfig {
    type Error = TouristTaxConfigError;

    fn try_from(raw: TouristTaxConfigRaw) -> Result<Self, Self::Error> {
        Self::new(
            raw.regime,
            raw.departmental_surcharge_bp,
            raw.regional_surcharge_bp,
        )
    }
}

impl From<TouristTaxConfig> for TouristTaxConfigRaw {
    fn from(config: TouristTaxConfig) -> Self {
        Self {
            regime: config.regime,
            departmental_surcharge_bp: config.departmental_surcharge_bp,
            regional_surcharge_bp: config.regional_surcharge_bp,
        }
    }
}

/// One night to tax: its date and its accommodation price (used by the proportional
/// regime only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaxableNight {
    /// The night (the date of the evening).
    pub date: NaiveDate,
    /// The price of the night's accommodation, excluding taxes.
    pub price: Money,
}

/// How a line's tax per adult and per night was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum TouristTaxBasis {
    /// The commune's fixed tariff.
    Fixed {
        /// Tariff per adult and per night.
        rate: Money,
    },
    /// A share of the price per occupant, capped.
    Proportional {
        /// The night's accommodation price.
        night_price: Money,
        /// Occupants the price is divided by, minors included.
        occupants: u64,
        /// `night_price / occupants`, rounded half up — for display only: the tax is
        /// computed on the exact quotient.
        price_per_occupant: Money,
        /// The commune's rate, in basis points.
        rate_bp: u32,
        /// `price per occupant × rate`, rounded half up, before the cap.
        uncapped_per_adult_night: Money,
        /// The commune's ceiling.
        cap_per_adult_night: Money,
        /// Whether the ceiling applied.
        capped: bool,
    },
}

/// Consecutive nights taxed alike: `per_adult_night × adults × nights = amount`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TouristTaxLine {
    /// The first night of the group.
    pub first_night: NaiveDate,
    /// How many nights.
    pub nights: u32,
    /// How the rate was obtained.
    pub basis: TouristTaxBasis,
    /// Communal tax per adult and per night, rounded to the cent.
    pub per_adult_night: Money,
    /// Adults (taxable persons).
    pub adults: u32,
    /// The communal tax of these nights.
    pub amount: Money,
}

/// A stay's tourist tax, with its computation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TouristTaxBreakdown {
    /// The communal tax, night group by night group.
    pub lines: Vec<TouristTaxLine>,
    /// Taxable persons (adults).
    pub adults: u32,
    /// Exempt occupants (minors).
    pub minors: u32,
    /// The communal tax: the sum of the lines.
    pub communal: Money,
    /// The departmental surcharge's rate, in basis points.
    pub departmental_surcharge_bp: u32,
    /// Departmental surcharge: `communal × departmental bp`, rounded half up.
    pub departmental: Money,
    /// The regional surcharge's rate, in basis points.
    pub regional_surcharge_bp: u32,
    /// Regional surcharge: `communal × regional bp`, rounded half up.
    pub regional: Money,
    /// Communal + departmental + regional.
    pub total: Money,
}

impl TouristTaxConfig {
    /// A configuration; checks the rules `TouristTaxRateIsLegal` (proportional rate 1 % to
    /// 5 %; fixed rate and cap zero or more, below the sanity bound) and
    /// `SurchargeIsBounded` (at most [`MAX_SURCHARGE_BP`]).
    pub fn new(
        regime: TouristTaxRegime,
        departmental_surcharge_bp: u32,
        regional_surcharge_bp: u32,
    ) -> Result<Self, TouristTaxConfigError> {
        let bounded =
            |money: Money| (0..=MAX_CONFIGURED_AMOUNT_MINOR).contains(&money.amount_minor());
        match regime {
            TouristTaxRegime::FixedPerAdultNight { rate } => {
                if !bounded(rate) {
                    return Err(TouristTaxConfigError::InvalidRate {
                        reason: "the fixed rate must be zero or more, within the sanity bound",
                    });
                }
            }
            TouristTaxRegime::Proportional {
                rate_bp,
                cap_per_adult_night,
            } => {
                if !PROPORTIONAL_RATE_BP_RANGE.contains(&rate_bp) {
                    return Err(TouristTaxConfigError::InvalidRate {
                        reason: "the proportional rate must be 1 % to 5 % (100 to 500 bp)",
                    });
                }
                if !bounded(cap_per_adult_night) {
                    return Err(TouristTaxConfigError::InvalidCap);
                }
            }
        }
        for (field, value) in [
            ("departmentalSurchargeBp", departmental_surcharge_bp),
            ("regionalSurchargeBp", regional_surcharge_bp),
        ] {
            if value > MAX_SURCHARGE_BP {
                return Err(TouristTaxConfigError::InvalidSurcharge { field, value });
            }
        }
        Ok(Self {
            regime,
            departmental_surcharge_bp,
            regional_surcharge_bp,
        })
    }

    /// The commune's regime.
    pub fn regime(&self) -> TouristTaxRegime {
        self.regime
    }

    /// The departmental surcharge, in basis points of the communal tax.
    pub fn departmental_surcharge_bp(&self) -> u32 {
        self.departmental_surcharge_bp
    }

    /// The regional surcharge, in basis points of the communal tax.
    pub fn regional_surcharge_bp(&self) -> u32 {
        self.regional_surcharge_bp
    }

    /// The currency of the tax.
    pub fn currency(&self) -> Currency {
        self.regime.currency()
    }

    /// The tax per adult for one night priced `price` with `occupants` occupants, and how
    /// it was obtained (see the [module](self) docs for the rounding).
    fn per_adult_night(
        &self,
        price: Money,
        occupants: u64,
    ) -> Result<(TouristTaxBasis, Money), PricingError> {
        match self.regime {
            TouristTaxRegime::FixedPerAdultNight { rate } => {
                Ok((TouristTaxBasis::Fixed { rate }, rate))
            }
            TouristTaxRegime::Proportional {
                rate_bp,
                cap_per_adult_night: cap,
            } => {
                let currency = cap.currency();
                let (per_occupant, uncapped) = if occupants == 0 {
                    (0, 0)
                } else {
                    let price = i128::from(price.amount_minor());
                    let occupants = i128::from(occupants);
                    let numerator = price
                        .checked_mul(i128::from(rate_bp))
                        .ok_or(MoneyError::Overflow)?;
                    let denominator = occupants
                        .checked_mul(i128::from(FULL_BP))
                        .ok_or(MoneyError::Overflow)?;
                    (
                        div_round_half_up(price, occupants)?,
                        div_round_half_up(numerator, denominator)?,
                    )
                };
                let uncapped = money_from_i128(uncapped, currency)?;
                let capped = uncapped.amount_minor() > cap.amount_minor();
                let per_adult = if capped { cap } else { uncapped };
                let basis = TouristTaxBasis::Proportional {
                    night_price: price,
                    occupants,
                    price_per_occupant: money_from_i128(per_occupant, currency)?,
                    rate_bp,
                    uncapped_per_adult_night: uncapped,
                    cap_per_adult_night: cap,
                    capped,
                };
                Ok((basis, per_adult))
            }
        }
    }

    /// The tourist tax of a stay of `nights` (in order) for `adults` taxable persons and
    /// `minors` exempt ones.
    ///
    /// Night prices must be in the tax's currency and not negative. With no adult, the tax
    /// is zero (the lines still show the basis).
    pub fn compute(
        &self,
        nights: &[TaxableNight],
        adults: u32,
        minors: u32,
    ) -> Result<TouristTaxBreakdown, PricingError> {
        let currency = self.currency();
        let occupants = u64::from(adults) + u64::from(minors);

        let mut groups: Vec<(NaiveDate, u32, TouristTaxBasis, Money)> = Vec::new();
        for night in nights {
            ensure_currency(currency, night.price)?;
            ensure_not_negative(night.price, "night price")?;
            let (basis, per_adult) = self.per_adult_night(night.price, occupants)?;
            match groups.last_mut() {
                Some((_, count, last_basis, _)) if *last_basis == basis => {
                    *count = count.checked_add(1).ok_or(MoneyError::Overflow)?;
                }
                _ => groups.push((night.date, 1, basis, per_adult)),
            }
        }

        let mut lines = Vec::with_capacity(groups.len());
        let mut communal = Money::zero(currency);
        for (first_night, count, basis, per_adult_night) in groups {
            let amount = i128::from(per_adult_night.amount_minor())
                .checked_mul(i128::from(adults))
                .and_then(|amount| amount.checked_mul(i128::from(count)))
                .ok_or(MoneyError::Overflow)?;
            let amount = money_from_i128(amount, currency)?;
            communal = communal.checked_add(amount)?;
            lines.push(TouristTaxLine {
                first_night,
                nights: count,
                basis,
                per_adult_night,
                adults,
                amount,
            });
        }

        let departmental = communal.percent_bp(self.departmental_surcharge_bp)?;
        let regional = communal.percent_bp(self.regional_surcharge_bp)?;
        let total = communal.checked_add(departmental)?.checked_add(regional)?;
        Ok(TouristTaxBreakdown {
            lines,
            adults,
            minors,
            communal,
            departmental_surcharge_bp: self.departmental_surcharge_bp,
            departmental,
            regional_surcharge_bp: self.regional_surcharge_bp,
            regional,
            total,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::pricing::rates::tests::{day, eur};

    pub(crate) fn proportional(rate_bp: u32, cap: i64, departmental_bp: u32) -> TouristTaxConfig {
        TouristTaxConfig::new(
            TouristTaxRegime::Proportional {
                rate_bp,
                cap_per_adult_night: eur(cap),
            },
            departmental_bp,
            0,
        )
        .unwrap()
    }

    fn fixed(rate: i64, departmental_bp: u32, regional_bp: u32) -> TouristTaxConfig {
        TouristTaxConfig::new(
            TouristTaxRegime::FixedPerAdultNight { rate: eur(rate) },
            departmental_bp,
            regional_bp,
        )
        .unwrap()
    }

    /// `count` nights from 1 July 2026, each priced `price` cents.
    fn nights(count: u32, price: i64) -> Vec<TaxableNight> {
        day(2026, 7, 1)
            .iter_days()
            .take(count as usize)
            .map(|date| TaxableNight {
                date,
                price: eur(price),
            })
            .collect()
    }

    #[test]
    fn given_fixed_tariff_when_two_adults_stay_a_week_then_communal_and_surcharge_exact() {
        // Given 0.83 € per adult and per night, +10 % departmental
        let tax = fixed(83, 1_000, 0);
        // When 2 adults stay 7 nights
        let breakdown = tax.compute(&nights(7, 20_000), 2, 0).unwrap();
        // Then 0.83 × 2 × 7 = 11.62 € communal; 10 % of 11.62 = 1.162 → 1.16 €
        assert_eq!(breakdown.communal, eur(1_162));
        assert_eq!(breakdown.departmental, eur(116));
        assert_eq!(breakdown.regional, eur(0));
        assert_eq!(breakdown.total, eur(1_278));
        assert_eq!(
            breakdown.lines,
            vec![TouristTaxLine {
                first_night: day(2026, 7, 1),
                nights: 7,
                basis: TouristTaxBasis::Fixed { rate: eur(83) },
                per_adult_night: eur(83),
                adults: 2,
                amount: eur(1_162),
            }]
        );
    }

    #[test]
    fn given_fixed_tariff_with_regional_surcharge_when_computing_then_each_surcharge_on_communal() {
        // Given 0.83 €, +10 % departmental, +200 % regional (a configured value)
        let tax = fixed(83, 1_000, 20_000);
        // When 2 adults stay 7 nights
        let breakdown = tax.compute(&nights(7, 20_000), 2, 0).unwrap();
        // Then 11.62 + 1.16 + 23.24 = 36.02 €
        assert_eq!(breakdown.departmental, eur(116));
        assert_eq!(breakdown.regional, eur(2_324));
        assert_eq!(breakdown.total, eur(3_602));
    }

    #[test]
    fn given_proportional_rate_when_family_of_four_stays_then_price_divided_by_all_occupants() {
        // Given 5 %, cap 4.60 €, +10 % departmental
        let tax = proportional(500, 460, 1_000);
        // When 2 adults and 2 children stay 3 nights at 200 €
        let breakdown = tax.compute(&nights(3, 20_000), 2, 2).unwrap();
        // Then 200 / 4 = 50 € per occupant × 5 % = 2.50 € per adult-night;
        // 2.50 × 2 adults × 3 nights = 15.00 €; +10 % = 1.50 €
        assert_eq!(breakdown.lines.len(), 1);
        let line = &breakdown.lines[0];
        assert_eq!(line.per_adult_night, eur(250));
        assert_eq!(line.nights, 3);
        assert_eq!(
            line.basis,
            TouristTaxBasis::Proportional {
                night_price: eur(20_000),
                occupants: 4,
                price_per_occupant: eur(5_000),
                rate_bp: 500,
                uncapped_per_adult_night: eur(250),
                cap_per_adult_night: eur(460),
                capped: false,
            }
        );
        assert_eq!(breakdown.communal, eur(1_500));
        assert_eq!(breakdown.departmental, eur(150));
        assert_eq!(breakdown.total, eur(1_650));
        assert_eq!((breakdown.adults, breakdown.minors), (2, 2));
    }

    #[test]
    fn given_expensive_night_when_computing_proportionally_then_cap_applies() {
        // Given 5 %, cap 4.60 €, +10 %
        let tax = proportional(500, 460, 1_000);
        // When 2 adults stay 2 nights at 800 €
        let breakdown = tax.compute(&nights(2, 80_000), 2, 0).unwrap();
        // Then 800 / 2 = 400 € × 5 % = 20 € > 4.60 €: 4.60 × 2 × 2 = 18.40 €, +1.84 €
        let line = &breakdown.lines[0];
        assert_eq!(line.per_adult_night, eur(460));
        assert!(matches!(
            line.basis,
            TouristTaxBasis::Proportional { capped: true, uncapped_per_adult_night, .. }
                if uncapped_per_adult_night == eur(2_000)
        ));
        assert_eq!(breakdown.communal, eur(1_840));
        assert_eq!(breakdown.departmental, eur(184));
        assert_eq!(breakdown.total, eur(2_024));
    }

    #[test]
    fn given_exact_half_cent_when_computing_then_rounded_half_up_per_adult_night_first() {
        // Given 5 %, cap 4.60 €, no surcharge; 90 € the night for 4 occupants
        let tax = proportional(500, 460, 0);
        // When 2 adults and 2 minors stay 1 night
        let breakdown = tax.compute(&nights(1, 9_000), 2, 2).unwrap();
        // Then 22.50 € × 5 % = 1.125 € → 1.13 € per adult-night, × 2 = 2.26 € (not 2.25 €)
        assert_eq!(breakdown.lines[0].per_adult_night, eur(113));
        assert_eq!(breakdown.communal, eur(226));

        // And just below the half: 89.99 € → 1.124875 € → 1.12 €
        let below = tax.compute(&nights(1, 8_999), 2, 2).unwrap();
        assert_eq!(below.lines[0].per_adult_night, eur(112));
    }

    #[test]
    fn given_half_cent_surcharge_when_computing_then_rounded_half_up_on_the_communal_total() {
        // Given a fixed 1.15 € and +10 %: one adult, one night → 0.115 € → 0.12 €
        let breakdown = fixed(115, 1_000, 0).compute(&nights(1, 1), 1, 0).unwrap();
        assert_eq!(breakdown.departmental, eur(12));
        // And 1.14 € → 0.114 € → 0.11 €
        let breakdown = fixed(114, 1_000, 0).compute(&nights(1, 1), 1, 0).unwrap();
        assert_eq!(breakdown.departmental, eur(11));
        // And the surcharge is on the stay's total, not per night: 0.83 € × 3 nights = 2.49 €
        // → 0.249 → 0.25 € (per night it would be 3 × 0.08 = 0.24 €)
        let breakdown = fixed(83, 1_000, 0).compute(&nights(3, 1), 1, 0).unwrap();
        assert_eq!(breakdown.departmental, eur(25));
    }

    #[test]
    fn given_nights_at_different_prices_when_computing_then_one_line_per_run_of_equal_nights() {
        let tax = proportional(500, 460, 1_000);
        let mut stay = nights(2, 12_000);
        stay.extend(nights(5, 16_500).into_iter().skip(2));
        let breakdown = tax.compute(&stay, 4, 2).unwrap();
        // 120 / 6 × 5 % = 1.00 €; 165 / 6 × 5 % = 1.375 → 1.38 €
        let per_line: Vec<(u32, Money, Money)> = breakdown
            .lines
            .iter()
            .map(|l| (l.nights, l.per_adult_night, l.amount))
            .collect();
        assert_eq!(
            per_line,
            vec![(2, eur(100), eur(800)), (3, eur(138), eur(1_656))]
        );
        assert_eq!(breakdown.communal, eur(2_456));
        assert_eq!(breakdown.departmental, eur(246));
    }

    #[test]
    fn given_no_adult_when_computing_then_tax_is_zero() {
        for tax in [fixed(83, 1_000, 20_000), proportional(500, 460, 1_000)] {
            let breakdown = tax.compute(&nights(5, 20_000), 0, 3).unwrap();
            assert_eq!(breakdown.total, eur(0));
            let nobody = tax.compute(&nights(5, 20_000), 0, 0).unwrap();
            assert_eq!(nobody.total, eur(0));
        }
    }

    #[test]
    fn given_no_night_when_computing_then_empty_zero_breakdown() {
        let breakdown = fixed(83, 1_000, 0).compute(&[], 2, 0).unwrap();
        assert!(breakdown.lines.is_empty());
        assert_eq!(breakdown.total, eur(0));
    }

    #[test]
    fn given_bad_night_prices_when_computing_then_error_not_panic() {
        let tax = proportional(500, 460, 1_000);
        let usd = [TaxableNight {
            date: day(2026, 7, 1),
            price: Money::new(100, Currency::USD),
        }];
        assert_eq!(
            tax.compute(&usd, 1, 0).unwrap_err().code(),
            "money.currency_mismatch"
        );
        assert_eq!(
            tax.compute(&nights(1, -1), 1, 0).unwrap_err().code(),
            "pricing.negative_amount"
        );
        let huge = fixed(MAX_CONFIGURED_AMOUNT_MINOR, 0, 0);
        let result = huge.compute(&nights(90, 1), u32::MAX, 0);
        assert_eq!(result.unwrap_err().code(), "money.overflow");
        let max_price = tax
            .compute(&nights(1, i64::MAX), u32::MAX, u32::MAX)
            .unwrap();
        assert_eq!(max_price.lines[0].per_adult_night, eur(460));
    }

    #[test]
    fn given_rates_out_of_range_when_configuring_then_refused_with_codes() {
        let prop = |rate_bp, cap| {
            TouristTaxConfig::new(
                TouristTaxRegime::Proportional {
                    rate_bp,
                    cap_per_adult_night: eur(cap),
                },
                1_000,
                0,
            )
        };
        assert_eq!(
            prop(99, 460).unwrap_err().code(),
            "tourist_tax.invalid_rate"
        );
        assert_eq!(
            prop(501, 460).unwrap_err().code(),
            "tourist_tax.invalid_rate"
        );
        assert!(prop(100, 460).is_ok());
        assert!(prop(500, 460).is_ok());
        assert_eq!(prop(500, -1).unwrap_err().code(), "tourist_tax.invalid_cap");
        let negative =
            TouristTaxConfig::new(TouristTaxRegime::FixedPerAdultNight { rate: eur(-1) }, 0, 0);
        assert_eq!(negative.unwrap_err().code(), "tourist_tax.invalid_rate");
        let surcharge = TouristTaxConfig::new(
            TouristTaxRegime::FixedPerAdultNight { rate: eur(83) },
            1_000,
            MAX_SURCHARGE_BP + 1,
        );
        assert_eq!(
            surcharge.unwrap_err().code(),
            "tourist_tax.invalid_surcharge"
        );
        let config = fixed(83, 1_000, 2_500);
        assert_eq!(
            config.regime(),
            TouristTaxRegime::FixedPerAdultNight { rate: eur(83) }
        );
        assert_eq!(config.departmental_surcharge_bp(), 1_000);
        assert_eq!(config.regional_surcharge_bp(), 2_500);
        assert_eq!(config.currency(), Currency::EUR);
    }
}
