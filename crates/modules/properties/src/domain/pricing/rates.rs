//! A property's rate plan: base and seasonal nightly prices, minimum stays, arrival days,
//! length-of-stay discounts, fees, security deposit and cancellation policy.
//!
//! Named rules checked when a plan is built ([`RatePlan::new`], also on deserialization):
//! - `SeasonsMustNotOverlap` (`rates.seasons_overlap`): a night has at most one season;
//!   seasons are half-open date ranges, so one may end the day the next starts.
//! - `SeasonNamesAreUnique` (`rates.duplicate_season`).
//! - `RatePlanIsInOneCurrency` (`rates.currency_mismatch`): every price and fee is in the
//!   plan's currency.
//! - `DiscountIsBelowOneHundredPercent` (`rates.invalid_discount`).
//! - `PricesArePositiveAndBounded` (`rates.invalid_amount`): nightly prices are 1 minor unit
//!   to [`MAX_CONFIGURED_AMOUNT_MINOR`]; fees and the security deposit 0 to that bound.
//! - `MinimumStayIsOneToNinetyNights` (`rates.invalid_minimum_stay`).
//! - `SeasonIsWellFormed` (`rates.invalid_season`): a trimmed name of 1 to 100 characters,
//!   and arrival days, when restricted, name at least one day.

use std::collections::BTreeSet;

use chrono::{NaiveDate, Weekday};
use sejour_core::value_objects::{Currency, DateRange, Money};
use serde::{Deserialize, Serialize};

use super::FULL_BP;
use super::cancellation::CancellationPolicy;
use super::quote::MAX_STAY_NIGHTS;

/// The largest price, fee or deposit a rate plan may set, in minor units (1 000 000.00 for
/// the euro). A sanity bound, not a business one: it keeps any quote of up to 90 nights far
/// from the limits of the arithmetic.
pub const MAX_CONFIGURED_AMOUNT_MINOR: i64 = 100_000_000;

/// The longest season name, in characters.
pub const MAX_SEASON_NAME_CHARS: usize = 100;

/// Stays of at least this many nights get the weekly discount.
pub const WEEKLY_DISCOUNT_MIN_NIGHTS: u32 = 7;

/// Stays of at least this many nights get the monthly discount (instead of the weekly one).
pub const MONTHLY_DISCOUNT_MIN_NIGHTS: u32 = 28;

/// Why a rate plan or a season was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RatePlanError {
    /// A price or fee is not in the plan's currency.
    #[error("{field} is in {found}, but the rate plan is in {expected}")]
    CurrencyMismatch {
        /// Which amount.
        field: String,
        /// The plan's currency.
        expected: Currency,
        /// The amount's currency.
        found: Currency,
    },
    /// Two seasons share at least one night.
    #[error("seasons `{first}` and `{second}` overlap")]
    SeasonsOverlap {
        /// The earlier season.
        first: String,
        /// The later season.
        second: String,
    },
    /// Two seasons have the same name.
    #[error("two seasons are named `{name}`")]
    DuplicateSeason {
        /// The name.
        name: String,
    },
    /// A discount of 100 % or more.
    #[error("{field} must be below 10000 basis points (100 %), got {value}")]
    InvalidDiscount {
        /// Which discount.
        field: &'static str,
        /// The value given.
        value: u32,
    },
    /// A price or fee out of its range.
    #[error("{field} must be between {min} and {max} minor units, got {value}")]
    InvalidAmount {
        /// Which amount.
        field: String,
        /// The value given, in minor units.
        value: i64,
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// A minimum stay out of 1..=90 nights.
    #[error("{field} must be between 1 and {MAX_STAY_NIGHTS} nights, got {value}")]
    InvalidMinimumStay {
        /// Which minimum stay.
        field: String,
        /// The value given.
        value: u32,
    },
    /// A season that is not well formed.
    #[error("season `{name}`: {reason}")]
    InvalidSeason {
        /// The season's name, as given.
        name: String,
        /// What is wrong.
        reason: &'static str,
    },
}

impl RatePlanError {
    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            RatePlanError::CurrencyMismatch { .. } => "rates.currency_mismatch",
            RatePlanError::SeasonsOverlap { .. } => "rates.seasons_overlap",
            RatePlanError::DuplicateSeason { .. } => "rates.duplicate_season",
            RatePlanError::InvalidDiscount { .. } => "rates.invalid_discount",
            RatePlanError::InvalidAmount { .. } => "rates.invalid_amount",
            RatePlanError::InvalidMinimumStay { .. } => "rates.invalid_minimum_stay",
            RatePlanError::InvalidSeason { .. } => "rates.invalid_season",
        }
    }
}

/// `PricesArePositiveAndBounded` for one amount: `min..=MAX_CONFIGURED_AMOUNT_MINOR`.
fn amount_in_range(field: impl Into<String>, amount: Money, min: i64) -> Result<(), RatePlanError> {
    let value = amount.amount_minor();
    if (min..=MAX_CONFIGURED_AMOUNT_MINOR).contains(&value) {
        Ok(())
    } else {
        Err(RatePlanError::InvalidAmount {
            field: field.into(),
            value,
            min,
            max: MAX_CONFIGURED_AMOUNT_MINOR,
        })
    }
}

/// `MinimumStayIsOneToNinetyNights`.
fn minimum_stay_in_range(field: impl Into<String>, value: u32) -> Result<(), RatePlanError> {
    if (1..=MAX_STAY_NIGHTS).contains(&value) {
        Ok(())
    } else {
        Err(RatePlanError::InvalidMinimumStay {
            field: field.into(),
            value,
        })
    }
}

/// `RatePlanIsInOneCurrency` for one amount.
fn in_currency(
    field: impl Into<String>,
    amount: Money,
    expected: Currency,
) -> Result<(), RatePlanError> {
    if amount.currency() == expected {
        Ok(())
    } else {
        Err(RatePlanError::CurrencyMismatch {
            field: field.into(),
            expected,
            found: amount.currency(),
        })
    }
}

/// A period of the year with its own nightly price and, optionally, its own minimum stay
/// and allowed arrival days (e.g. "Summer: Saturday to Saturday, 7 nights minimum").
///
/// The season applies to the nights in `dates` (half-open: `dates.end()` is not a night of
/// the season). Its minimum stay and arrival days apply to stays *checking in* on one of its
/// nights. Serialized as `{"name", "dates": {"start", "end"}, "nightly", "minNights",
/// "arrivalDays": ["Sat"]}`; deserialization validates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "SeasonRaw", into = "SeasonRaw")]
pub struct Season {
    name: String,
    dates: DateRange,
    nightly: Money,
    min_nights: Option<u32>,
    arrival_days: Option<Vec<Weekday>>,
}

/// The unchecked wire shape of [`Season`].
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SeasonRaw {
    name: String,
    dates: DateRange,
    nightly: Money,
    #[serde(default)]
    min_nights: Option<u32>,
    #[serde(default)]
    arrival_days: Option<Vec<Weekday>>,
}

impl TryFrom<SeasonRaw> for Season {
    type Error = RatePlanError;

    fn try_from(raw: SeasonRaw) -> Result<Self, Self::Error> {
        Season::new(
            raw.name,
            raw.dates,
            raw.nightly,
            raw.min_nights,
            raw.arrival_days,
        )
    }
}

impl From<Season> for SeasonRaw {
    fn from(season: Season) -> Self {
        Self {
            name: season.name,
            dates: season.dates,
            nightly: season.nightly,
            min_nights: season.min_nights,
            arrival_days: season.arrival_days,
        }
    }
}

impl Season {
    /// A season; `name` is trimmed. Arrival days are kept once each, Monday first.
    ///
    /// Its currency is checked against the plan's by [`RatePlan::new`].
    pub fn new(
        name: impl Into<String>,
        dates: DateRange,
        nightly: Money,
        min_nights: Option<u32>,
        arrival_days: Option<Vec<Weekday>>,
    ) -> Result<Self, RatePlanError> {
        let given: String = name.into();
        let name = given.trim().to_owned();
        let invalid = |reason| RatePlanError::InvalidSeason {
            name: given.clone(),
            reason,
        };
        if name.is_empty() {
            return Err(invalid("the name must not be blank"));
        }
        if name.chars().count() > MAX_SEASON_NAME_CHARS {
            return Err(invalid("the name must be at most 100 characters"));
        }
        if name.chars().any(char::is_control) {
            return Err(invalid("the name must not contain control characters"));
        }
        amount_in_range(format!("season `{name}` nightly"), nightly, 1)?;
        if let Some(min) = min_nights {
            minimum_stay_in_range(format!("season `{name}` minNights"), min)?;
        }
        let arrival_days = match arrival_days {
            Some(days) if days.is_empty() => {
                return Err(invalid(
                    "arrival days, when restricted, must name at least one day",
                ));
            }
            Some(days) => {
                let unique: BTreeSet<u32> =
                    days.iter().map(Weekday::num_days_from_monday).collect();
                Some(
                    [
                        Weekday::Mon,
                        Weekday::Tue,
                        Weekday::Wed,
                        Weekday::Thu,
                        Weekday::Fri,
                        Weekday::Sat,
                        Weekday::Sun,
                    ]
                    .into_iter()
                    .filter(|day| unique.contains(&day.num_days_from_monday()))
                    .collect(),
                )
            }
            None => None,
        };
        Ok(Self {
            name,
            dates,
            nightly,
            min_nights,
            arrival_days,
        })
    }

    /// The name, e.g. "Summer".
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The nights the season covers, `[start, end)`.
    pub fn dates(&self) -> DateRange {
        self.dates
    }

    /// The nightly price during the season.
    pub fn nightly(&self) -> Money {
        self.nightly
    }

    /// The minimum stay for check-ins during the season, if it has its own.
    pub fn min_nights(&self) -> Option<u32> {
        self.min_nights
    }

    /// The only days a stay may check in during the season; `None` means any day.
    pub fn arrival_days(&self) -> Option<&[Weekday]> {
        self.arrival_days.as_deref()
    }

    /// Whether a stay may check in on `weekday` during the season.
    pub fn allows_arrival_on(&self, weekday: Weekday) -> bool {
        self.arrival_days
            .as_ref()
            .is_none_or(|days| days.contains(&weekday))
    }
}

/// Which length-of-stay discount applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum StayDiscountKind {
    /// Stays of 7 to 27 nights (or longer when there is no monthly discount).
    Weekly,
    /// Stays of 28 nights or more.
    Monthly,
}

/// Reads a currency code. (`Currency`'s own derive only deserializes from `'static` input,
/// which would keep a plan from being read from an owned JSON value.)
fn deserialize_currency<'de, D>(deserializer: D) -> Result<Currency, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let code = String::deserialize(deserializer)?;
    Currency::parse(&code).map_err(serde::de::Error::custom)
}

/// The fields of a rate plan, unchecked: what a caller fills in before
/// [`RatePlan::new`] checks them, and the plan's JSON shape (camelCase).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RatePlanDraft {
    /// The currency of every price and fee.
    #[serde(deserialize_with = "deserialize_currency")]
    pub currency: Currency,
    /// Nightly price outside any season.
    pub base_nightly: Money,
    /// Seasons, in any order; they must not overlap.
    #[serde(default)]
    pub seasons: Vec<Season>,
    /// Discount on the rent for stays of 7 nights or more, in basis points.
    pub weekly_discount_bp: u32,
    /// Discount on the rent for stays of 28 nights or more, in basis points; it replaces the
    /// weekly discount (they never add up).
    pub monthly_discount_bp: u32,
    /// Charged once per stay.
    pub cleaning_fee: Money,
    /// Charged per night for each guest (adult or child) above `extra_guest_threshold`.
    pub extra_guest_fee_per_night: Money,
    /// How many guests the rent includes.
    pub extra_guest_threshold: u32,
    /// Held (card authorisation), not charged; not part of the total.
    pub security_deposit: Money,
    /// Minimum stay for check-ins outside a season with its own.
    pub default_min_nights: u32,
    /// What a cancellation refunds.
    pub cancellation_policy: CancellationPolicy,
}

/// A property's prices: valid by construction (see the rules in the [module](self) docs).
///
/// Seasons are kept sorted by start date. Serialized as [`RatePlanDraft`];
/// deserialization validates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RatePlanDraft", into = "RatePlanDraft")]
pub struct RatePlan {
    currency: Currency,
    base_nightly: Money,
    seasons: Vec<Season>,
    weekly_discount_bp: u32,
    monthly_discount_bp: u32,
    cleaning_fee: Money,
    extra_guest_fee_per_night: Money,
    extra_guest_threshold: u32,
    security_deposit: Money,
    default_min_nights: u32,
    cancellation_policy: CancellationPolicy,
}

impl TryFrom<RatePlanDraft> for RatePlan {
    type Error = RatePlanError;

    fn try_from(draft: RatePlanDraft) -> Result<Self, Self::Error> {
        RatePlan::new(draft)
    }
}

impl From<RatePlan> for RatePlanDraft {
    fn from(plan: RatePlan) -> Self {
        Self {
            currency: plan.currency,
            base_nightly: plan.base_nightly,
            seasons: plan.seasons,
            weekly_discount_bp: plan.weekly_discount_bp,
            monthly_discount_bp: plan.monthly_discount_bp,
            cleaning_fee: plan.cleaning_fee,
            extra_guest_fee_per_night: plan.extra_guest_fee_per_night,
            extra_guest_threshold: plan.extra_guest_threshold,
            security_deposit: plan.security_deposit,
            default_min_nights: plan.default_min_nights,
            cancellation_policy: plan.cancellation_policy,
        }
    }
}

impl RatePlan {
    /// Checks `draft` against the rate-plan rules; the first broken rule is reported.
    pub fn new(draft: RatePlanDraft) -> Result<Self, RatePlanError> {
        let RatePlanDraft {
            currency,
            base_nightly,
            mut seasons,
            weekly_discount_bp,
            monthly_discount_bp,
            cleaning_fee,
            extra_guest_fee_per_night,
            extra_guest_threshold,
            security_deposit,
            default_min_nights,
            cancellation_policy,
        } = draft;

        for (field, amount, min) in [
            ("baseNightly", base_nightly, 1),
            ("cleaningFee", cleaning_fee, 0),
            ("extraGuestFeePerNight", extra_guest_fee_per_night, 0),
            ("securityDeposit", security_deposit, 0),
        ] {
            in_currency(field, amount, currency)?;
            amount_in_range(field, amount, min)?;
        }
        for season in &seasons {
            in_currency(
                format!("season `{}` nightly", season.name),
                season.nightly,
                currency,
            )?;
        }
        for (field, value) in [
            ("weeklyDiscountBp", weekly_discount_bp),
            ("monthlyDiscountBp", monthly_discount_bp),
        ] {
            if value >= FULL_BP {
                return Err(RatePlanError::InvalidDiscount { field, value });
            }
        }
        minimum_stay_in_range("defaultMinNights", default_min_nights)?;

        let mut names = BTreeSet::new();
        for season in &seasons {
            if !names.insert(season.name.as_str()) {
                return Err(RatePlanError::DuplicateSeason {
                    name: season.name.clone(),
                });
            }
        }
        seasons.sort_by_key(|season| season.dates.start());
        for pair in seasons.windows(2) {
            if let [earlier, later] = pair
                && earlier.dates.overlaps(&later.dates)
            {
                return Err(RatePlanError::SeasonsOverlap {
                    first: earlier.name.clone(),
                    second: later.name.clone(),
                });
            }
        }

        Ok(Self {
            currency,
            base_nightly,
            seasons,
            weekly_discount_bp,
            monthly_discount_bp,
            cleaning_fee,
            extra_guest_fee_per_night,
            extra_guest_threshold,
            security_deposit,
            default_min_nights,
            cancellation_policy,
        })
    }

    /// The plan's fields, to edit and check again.
    pub fn to_draft(&self) -> RatePlanDraft {
        self.clone().into()
    }

    /// The currency of every amount.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Nightly price outside any season.
    pub fn base_nightly(&self) -> Money {
        self.base_nightly
    }

    /// The seasons, sorted by start date, never overlapping.
    pub fn seasons(&self) -> &[Season] {
        &self.seasons
    }

    /// Weekly discount, in basis points.
    pub fn weekly_discount_bp(&self) -> u32 {
        self.weekly_discount_bp
    }

    /// Monthly discount, in basis points.
    pub fn monthly_discount_bp(&self) -> u32 {
        self.monthly_discount_bp
    }

    /// Cleaning fee, once per stay.
    pub fn cleaning_fee(&self) -> Money {
        self.cleaning_fee
    }

    /// Fee per extra guest and per night.
    pub fn extra_guest_fee_per_night(&self) -> Money {
        self.extra_guest_fee_per_night
    }

    /// How many guests the rent includes.
    pub fn extra_guest_threshold(&self) -> u32 {
        self.extra_guest_threshold
    }

    /// Security deposit (held, not charged).
    pub fn security_deposit(&self) -> Money {
        self.security_deposit
    }

    /// Minimum stay outside seasons with their own.
    pub fn default_min_nights(&self) -> u32 {
        self.default_min_nights
    }

    /// The cancellation policy.
    pub fn cancellation_policy(&self) -> CancellationPolicy {
        self.cancellation_policy
    }

    /// The index of the season `night` falls in, if any.
    pub(crate) fn season_index_on(&self, night: NaiveDate) -> Option<usize> {
        // Seasons are sorted by start and do not overlap: only the last one starting on or
        // before `night` can contain it.
        let after = self
            .seasons
            .partition_point(|season| season.dates.start() <= night);
        let index = after.checked_sub(1)?;
        self.seasons
            .get(index)
            .filter(|season| season.dates.contains(night))
            .map(|_| index)
    }

    /// The season `night` falls in, if any.
    pub fn season_on(&self, night: NaiveDate) -> Option<&Season> {
        self.season_index_on(night)
            .and_then(|index| self.seasons.get(index))
    }

    /// The price of `night`: its season's, else the base price.
    pub fn nightly_on(&self, night: NaiveDate) -> Money {
        self.season_on(night)
            .map_or(self.base_nightly, Season::nightly)
    }

    /// The minimum stay for a check-in on `check_in`: the season's own, else the default.
    pub fn min_nights_on(&self, check_in: NaiveDate) -> u32 {
        self.season_on(check_in)
            .and_then(Season::min_nights)
            .unwrap_or(self.default_min_nights)
    }

    /// The lowest nightly price, base or seasonal (for "from ... per night" listings).
    pub fn lowest_nightly(&self) -> Money {
        self.seasons
            .iter()
            .map(Season::nightly)
            .chain([self.base_nightly])
            .min_by_key(Money::amount_minor)
            .unwrap_or(self.base_nightly)
    }

    /// `LengthOfStayDiscount`: the monthly discount for stays of 28 nights or more when the
    /// plan has one, else the weekly discount for stays of 7 nights or more when it has one,
    /// else none. The two never add up. Returns the kind and its basis points.
    pub fn stay_discount(&self, nights: u32) -> Option<(StayDiscountKind, u32)> {
        if nights >= MONTHLY_DISCOUNT_MIN_NIGHTS && self.monthly_discount_bp > 0 {
            Some((StayDiscountKind::Monthly, self.monthly_discount_bp))
        } else if nights >= WEEKLY_DISCOUNT_MIN_NIGHTS && self.weekly_discount_bp > 0 {
            Some((StayDiscountKind::Weekly, self.weekly_discount_bp))
        } else {
            None
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn eur(cents: i64) -> Money {
        Money::new(cents, Currency::EUR)
    }

    pub(crate) fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    pub(crate) fn range(start: NaiveDate, end: NaiveDate) -> DateRange {
        DateRange::new(start, end).unwrap()
    }

    /// Base 100 €, summer (1 July – 1 September 2026) 150 €, 7 nights minimum, Saturday
    /// arrivals; weekly −10 %, monthly −20 %; cleaning 60 €; 15 € per guest above 4 per
    /// night; deposit 500 €; 2 nights minimum; moderate.
    pub(crate) fn draft() -> RatePlanDraft {
        RatePlanDraft {
            currency: Currency::EUR,
            base_nightly: eur(10_000),
            seasons: vec![
                Season::new(
                    "Summer",
                    range(day(2026, 7, 1), day(2026, 9, 1)),
                    eur(15_000),
                    Some(7),
                    Some(vec![Weekday::Sat]),
                )
                .unwrap(),
            ],
            weekly_discount_bp: 1_000,
            monthly_discount_bp: 2_000,
            cleaning_fee: eur(6_000),
            extra_guest_fee_per_night: eur(1_500),
            extra_guest_threshold: 4,
            security_deposit: eur(50_000),
            default_min_nights: 2,
            cancellation_policy: CancellationPolicy::Moderate,
        }
    }

    pub(crate) fn plan() -> RatePlan {
        RatePlan::new(draft()).unwrap()
    }

    fn season(name: &str, start: NaiveDate, end: NaiveDate) -> Season {
        Season::new(name, range(start, end), eur(12_000), None, None).unwrap()
    }

    #[test]
    fn given_valid_draft_when_building_then_plan_keeps_its_fields() {
        let plan = plan();
        assert_eq!(plan.currency(), Currency::EUR);
        assert_eq!(plan.base_nightly(), eur(10_000));
        assert_eq!(plan.seasons().len(), 1);
        assert_eq!(plan.cleaning_fee(), eur(6_000));
        assert_eq!(plan.extra_guest_fee_per_night(), eur(1_500));
        assert_eq!(plan.extra_guest_threshold(), 4);
        assert_eq!(plan.security_deposit(), eur(50_000));
        assert_eq!(plan.default_min_nights(), 2);
        assert_eq!(plan.cancellation_policy(), CancellationPolicy::Moderate);
        assert_eq!(plan.to_draft(), draft());
    }

    #[test]
    fn given_overlapping_seasons_when_building_then_seasons_overlap() {
        let mut draft = draft();
        draft
            .seasons
            .push(season("Late summer", day(2026, 8, 31), day(2026, 9, 15)));
        let error = RatePlan::new(draft).unwrap_err();
        assert_eq!(error.code(), "rates.seasons_overlap");
        assert_eq!(
            error,
            RatePlanError::SeasonsOverlap {
                first: "Summer".into(),
                second: "Late summer".into()
            }
        );
    }

    #[test]
    fn given_adjacent_seasons_in_any_order_when_building_then_accepted_and_sorted() {
        let mut draft = draft();
        draft
            .seasons
            .insert(0, season("Autumn", day(2026, 9, 1), day(2026, 11, 1)));
        draft
            .seasons
            .push(season("Spring", day(2026, 4, 1), day(2026, 7, 1)));
        let plan = RatePlan::new(draft).unwrap();
        let names: Vec<&str> = plan.seasons().iter().map(Season::name).collect();
        assert_eq!(names, ["Spring", "Summer", "Autumn"]);
    }

    #[test]
    fn given_duplicate_season_names_when_building_then_refused() {
        let mut draft = draft();
        draft
            .seasons
            .push(season("Summer", day(2027, 7, 1), day(2027, 9, 1)));
        assert_eq!(
            RatePlan::new(draft).unwrap_err().code(),
            "rates.duplicate_season"
        );
    }

    #[test]
    fn given_an_amount_in_another_currency_when_building_then_currency_mismatch() {
        let usd = Money::new(6_000, Currency::USD);
        let mut fee = draft();
        fee.cleaning_fee = usd;
        let error = RatePlan::new(fee).unwrap_err();
        assert_eq!(error.code(), "rates.currency_mismatch");
        assert_eq!(
            error.to_string(),
            "cleaningFee is in USD, but the rate plan is in EUR"
        );

        let mut seasonal = draft();
        seasonal.seasons.push(
            Season::new(
                "Winter",
                range(day(2026, 12, 1), day(2027, 1, 1)),
                usd,
                None,
                None,
            )
            .unwrap(),
        );
        assert_eq!(
            RatePlan::new(seasonal).unwrap_err().code(),
            "rates.currency_mismatch"
        );
    }

    #[test]
    fn given_discounts_of_one_hundred_percent_when_building_then_invalid_discount() {
        let mut weekly = draft();
        weekly.weekly_discount_bp = 10_000;
        assert_eq!(
            RatePlan::new(weekly).unwrap_err().code(),
            "rates.invalid_discount"
        );
        let mut monthly = draft();
        monthly.monthly_discount_bp = u32::MAX;
        assert_eq!(
            RatePlan::new(monthly).unwrap_err().code(),
            "rates.invalid_discount"
        );
        let mut almost = draft();
        almost.monthly_discount_bp = 9_999;
        assert!(RatePlan::new(almost).is_ok());
    }

    #[test]
    fn given_out_of_range_amounts_when_building_then_invalid_amount() {
        let mut free = draft();
        free.base_nightly = eur(0);
        assert_eq!(
            RatePlan::new(free).unwrap_err().code(),
            "rates.invalid_amount"
        );
        let mut negative = draft();
        negative.cleaning_fee = eur(-1);
        assert_eq!(
            RatePlan::new(negative).unwrap_err().code(),
            "rates.invalid_amount"
        );
        let mut huge = draft();
        huge.security_deposit = eur(MAX_CONFIGURED_AMOUNT_MINOR + 1);
        assert_eq!(
            RatePlan::new(huge).unwrap_err().code(),
            "rates.invalid_amount"
        );
        let mut no_fees = draft();
        no_fees.cleaning_fee = eur(0);
        no_fees.extra_guest_fee_per_night = eur(0);
        no_fees.security_deposit = eur(0);
        assert!(RatePlan::new(no_fees).is_ok());
    }

    #[test]
    fn given_minimum_stays_out_of_range_when_building_then_invalid_minimum_stay() {
        let mut zero = draft();
        zero.default_min_nights = 0;
        assert_eq!(
            RatePlan::new(zero).unwrap_err().code(),
            "rates.invalid_minimum_stay"
        );
        let mut long = draft();
        long.default_min_nights = 91;
        assert_eq!(
            RatePlan::new(long).unwrap_err().code(),
            "rates.invalid_minimum_stay"
        );
        let dates = range(day(2026, 1, 1), day(2026, 2, 1));
        let error = Season::new("Winter", dates, eur(1), Some(0), None).unwrap_err();
        assert_eq!(error.code(), "rates.invalid_minimum_stay");
    }

    #[test]
    fn given_malformed_seasons_when_creating_then_invalid_season() {
        let dates = range(day(2026, 1, 1), day(2026, 2, 1));
        for (name, days) in [
            ("  ", None),
            ("Winter\u{0}", None),
            ("Winter", Some(vec![])),
        ] {
            let error = Season::new(name, dates, eur(1), None, days).unwrap_err();
            assert_eq!(error.code(), "rates.invalid_season", "{name:?}");
        }
        let long = "x".repeat(101);
        assert_eq!(
            Season::new(long, dates, eur(1), None, None)
                .unwrap_err()
                .code(),
            "rates.invalid_season"
        );
        let error = Season::new("Winter", dates, eur(0), None, None).unwrap_err();
        assert_eq!(error.code(), "rates.invalid_amount");
    }

    #[test]
    fn given_season_when_created_then_name_trimmed_and_arrival_days_canonical() {
        let dates = range(day(2026, 1, 1), day(2026, 2, 1));
        let days = vec![Weekday::Sun, Weekday::Sat, Weekday::Sun];
        let season = Season::new(" Winter ", dates, eur(1), Some(3), Some(days)).unwrap();
        assert_eq!(season.name(), "Winter");
        assert_eq!(
            season.arrival_days(),
            Some(&[Weekday::Sat, Weekday::Sun][..])
        );
        assert!(season.allows_arrival_on(Weekday::Sun));
        assert!(!season.allows_arrival_on(Weekday::Mon));
        assert_eq!(season.min_nights(), Some(3));
        assert_eq!(season.dates(), dates);
        let open = Season::new("Open", dates, eur(1), None, None).unwrap();
        assert!(open.allows_arrival_on(Weekday::Mon));
    }

    #[test]
    fn given_nights_when_looking_up_then_season_applies_on_its_half_open_range() {
        let plan = plan();
        assert_eq!(plan.nightly_on(day(2026, 6, 30)), eur(10_000));
        assert_eq!(plan.nightly_on(day(2026, 7, 1)), eur(15_000));
        assert_eq!(plan.nightly_on(day(2026, 8, 31)), eur(15_000));
        assert_eq!(plan.nightly_on(day(2026, 9, 1)), eur(10_000));
        assert_eq!(
            plan.season_on(day(2026, 7, 14)).map(Season::name),
            Some("Summer")
        );
        assert!(plan.season_on(day(2025, 7, 14)).is_none());
        assert_eq!(plan.min_nights_on(day(2026, 7, 4)), 7);
        assert_eq!(plan.min_nights_on(day(2026, 6, 27)), 2);
        assert_eq!(plan.lowest_nightly(), eur(10_000));
    }

    #[test]
    fn given_stay_lengths_when_asking_discount_then_monthly_replaces_weekly() {
        let plan = plan();
        assert_eq!(plan.stay_discount(6), None);
        assert_eq!(
            plan.stay_discount(7),
            Some((StayDiscountKind::Weekly, 1_000))
        );
        assert_eq!(
            plan.stay_discount(27),
            Some((StayDiscountKind::Weekly, 1_000))
        );
        assert_eq!(
            plan.stay_discount(28),
            Some((StayDiscountKind::Monthly, 2_000))
        );
        assert_eq!(
            plan.stay_discount(90),
            Some((StayDiscountKind::Monthly, 2_000))
        );
    }

    #[test]
    fn given_no_monthly_discount_when_staying_a_month_then_weekly_still_applies() {
        let mut draft = draft();
        draft.monthly_discount_bp = 0;
        let plan = RatePlan::new(draft).unwrap();
        assert_eq!(
            plan.stay_discount(30),
            Some((StayDiscountKind::Weekly, 1_000))
        );
        let mut none = plan.to_draft();
        none.weekly_discount_bp = 0;
        assert_eq!(RatePlan::new(none).unwrap().stay_discount(30), None);
    }
}
