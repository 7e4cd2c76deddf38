//! The OpenAPI shapes of the pricing vocabulary that several contexts' APIs show: rates,
//! seasons, the tourist tax, the quote and its payment schedule. Schema mirrors of the
//! properties context's pricing types (the domain stays free of utoipa): what
//! `#[schema(value_type = ...)]` points at; the contract test checks every served response
//! against them.
#![allow(
    dead_code,
    reason = "schema mirrors: read by the OpenAPI derive, never built"
)]

use serde::Serialize;
use utoipa::ToSchema;

use std::borrow::Cow;

use sejour_core::value_objects::pattern::trimmed_text;
use utoipa::{
    PartialSchema,
    openapi::{RefOr, schema::Schema},
};

use super::dto::{CurrencySchema, MoneySchema};

/// The schema `SeasonName`: what `Season::new` accepts as a name.
pub struct SeasonNameSchema;

impl PartialSchema for SeasonNameSchema {
    fn schema() -> RefOr<Schema> {
        super::schemas::text(
            "A season's name: 1 to 100 characters once trimmed, no control characters.",
            trimmed_text(100),
            "Haute saison 2027",
        )
    }
}

impl ToSchema for SeasonNameSchema {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("SeasonName")
    }
}

/// The cancellation policy of a rate plan.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
#[schema(as = CancellationPolicy)]
pub enum CancellationPolicySchema {
    /// Full refund up to 1 day before arrival.
    Flexible,
    /// Full refund up to 5 days before arrival.
    Moderate,
    /// Half refund up to 7 days before arrival.
    Strict,
}

/// A day of the week.
#[derive(ToSchema)]
#[schema(as = Weekday)]
pub enum WeekdaySchema {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

/// Days `[start, end)`.
#[derive(ToSchema)]
#[schema(as = DateRange)]
pub struct DateRangeSchema {
    /// First day.
    #[schema(format = Date, example = "2027-07-01")]
    pub start: String,
    /// The day after the last one.
    #[schema(format = Date, example = "2027-09-01")]
    pub end: String,
}

/// A season: its dates, nightly price and stay rules.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
#[schema(as = Season)]
pub struct SeasonSchema {
    /// Name, e.g. `Haute saison 2027`: 1 to 100 characters once trimmed, no control
    /// characters; unique in the plan.
    #[schema(value_type = SeasonNameSchema)]
    pub name: String,
    /// Dates.
    pub dates: DateRangeSchema,
    /// Nightly price.
    pub nightly: MoneySchema,
    /// Minimum nights in this season, 1 to 90 (else the plan's default).
    #[schema(minimum = 1, maximum = 90)]
    pub min_nights: Option<u32>,
    /// Allowed arrival days (else any); when given, at least one.
    #[schema(min_items = 1)]
    pub arrival_days: Option<Vec<WeekdaySchema>>,
}

/// A property's rate plan.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
#[schema(as = RatePlan)]
pub struct RatePlanSchema {
    /// The plan's currency (every amount is in it).
    pub currency: CurrencySchema,
    /// Nightly price outside seasons.
    pub base_nightly: MoneySchema,
    /// Seasons, not overlapping.
    #[schema(default = json!([]))]
    pub seasons: Option<Vec<SeasonSchema>>,
    /// Weekly-stay discount, basis points (below 10000).
    #[schema(maximum = 9999)]
    pub weekly_discount_bp: u32,
    /// Monthly-stay discount, basis points (below 10000).
    #[schema(maximum = 9999)]
    pub monthly_discount_bp: u32,
    /// Cleaning fee per stay.
    pub cleaning_fee: MoneySchema,
    /// Fee per extra guest and night above the threshold.
    pub extra_guest_fee_per_night: MoneySchema,
    /// Guests included in the price.
    #[schema(maximum = 4294967295_u64)]
    pub extra_guest_threshold: u32,
    /// Security deposit.
    pub security_deposit: MoneySchema,
    /// Minimum nights outside seasons, 1 to 90.
    #[schema(minimum = 1, maximum = 90)]
    pub default_min_nights: u32,
    /// Cancellation policy.
    pub cancellation_policy: CancellationPolicySchema,
}

/// How the commune levies the tourist tax.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[schema(as = TouristTaxRegime)]
pub enum TouristTaxRegimeSchema {
    /// Classified accommodation: a tariff per adult and per night.
    FixedPerAdultNight {
        /// Tariff per adult and per night.
        rate: MoneySchema,
    },
    /// Unclassified accommodation: a share of the price per occupant, capped.
    Proportional {
        /// 100 to 500 basis points.
        #[serde(rename = "rateBp")]
        #[schema(minimum = 100, maximum = 500)]
        rate_bp: u32,
        /// Ceiling per adult and per night.
        #[serde(rename = "capPerAdultNight")]
        cap_per_adult_night: MoneySchema,
    },
}

/// A property's tourist-tax configuration.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
#[schema(as = TouristTaxConfig)]
pub struct TouristTaxConfigSchema {
    /// The regime.
    pub regime: TouristTaxRegimeSchema,
    /// Departmental surcharge, basis points (at most 50000).
    #[schema(maximum = 50000)]
    pub departmental_surcharge_bp: u32,
    /// Regional surcharge, basis points (at most 50000).
    #[schema(default = 0, maximum = 50000)]
    pub regional_surcharge_bp: Option<u32>,
}

/// Where a nightly line's price comes from.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[schema(as = RateSource)]
pub enum RateSourceSchema {
    /// The plan's base price.
    Base,
    /// A season's price.
    Season {
        /// The season's name.
        name: String,
    },
}

/// Nights priced alike: `nightly × nights = amount`.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
#[schema(as = NightlyLine)]
pub struct NightlyLineSchema {
    /// Where the price comes from.
    pub rate: RateSourceSchema,
    /// First night of the line.
    #[schema(format = Date)]
    pub first_night: String,
    /// Nights.
    pub nights: u32,
    /// Price per night.
    pub nightly: MoneySchema,
    /// `nightly × nights`.
    pub amount: MoneySchema,
}

/// Weekly or monthly.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
#[schema(as = StayDiscountKind)]
pub enum StayDiscountKindSchema {
    /// Seven nights or more.
    Weekly,
    /// Twenty-eight nights or more.
    Monthly,
}

/// The long-stay discount applied.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
#[schema(as = StayDiscount)]
pub struct StayDiscountSchema {
    /// Which discount.
    pub kind: StayDiscountKindSchema,
    /// Basis points.
    pub rate_bp: u32,
    /// Amount taken off the rent.
    pub amount: MoneySchema,
}

/// The fee for guests above the plan's threshold.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
#[schema(as = ExtraGuestFee)]
pub struct ExtraGuestFeeSchema {
    /// Guests above the threshold.
    pub extra_guests: u32,
    /// Fee per extra guest and night.
    pub per_guest_night: MoneySchema,
    /// Nights.
    pub nights: u32,
    /// Total fee.
    pub amount: MoneySchema,
}

/// How a tourist-tax line's amount per adult and night was obtained.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[schema(as = TouristTaxBasis)]
pub enum TouristTaxBasisSchema {
    /// The commune's fixed tariff.
    Fixed {
        /// Tariff per adult and per night.
        rate: MoneySchema,
    },
    /// A share of the price per occupant, capped.
    Proportional {
        /// The night's accommodation price.
        #[serde(rename = "nightPrice")]
        night_price: MoneySchema,
        /// Occupants, minors included.
        occupants: u64,
        /// `night_price / occupants` (display only).
        #[serde(rename = "pricePerOccupant")]
        price_per_occupant: MoneySchema,
        /// Basis points.
        #[serde(rename = "rateBp")]
        rate_bp: u32,
        /// Before the cap.
        #[serde(rename = "uncappedPerAdultNight")]
        uncapped_per_adult_night: MoneySchema,
        /// The ceiling.
        #[serde(rename = "capPerAdultNight")]
        cap_per_adult_night: MoneySchema,
        /// Whether the ceiling applied.
        capped: bool,
    },
}

/// Nights taxed alike.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
#[schema(as = TouristTaxLine)]
pub struct TouristTaxLineSchema {
    /// First night.
    #[schema(format = Date)]
    pub first_night: String,
    /// Nights.
    pub nights: u32,
    /// How the amount per adult and night was obtained.
    pub basis: TouristTaxBasisSchema,
    /// Tax per adult and night.
    pub per_adult_night: MoneySchema,
    /// Adults taxed.
    pub adults: u32,
    /// Line total.
    pub amount: MoneySchema,
}

/// The tourist tax of a stay, with its computation.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
#[schema(as = TouristTaxBreakdown)]
pub struct TouristTaxBreakdownSchema {
    /// Lines.
    pub lines: Vec<TouristTaxLineSchema>,
    /// Adults (taxed).
    pub adults: u32,
    /// Minors (exempt).
    pub minors: u32,
    /// The commune's part.
    pub communal: MoneySchema,
    /// Departmental surcharge, basis points.
    pub departmental_surcharge_bp: u32,
    /// The department's part.
    pub departmental: MoneySchema,
    /// Regional surcharge, basis points.
    pub regional_surcharge_bp: u32,
    /// The region's part.
    pub regional: MoneySchema,
    /// Total tax.
    pub total: MoneySchema,
}

/// Deposit, balance or the whole amount at once.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
#[schema(as = InstallmentKind)]
pub enum InstallmentKindSchema {
    /// The deposit at booking.
    Deposit,
    /// The balance before arrival.
    Balance,
    /// Everything at booking.
    FullPayment,
}

/// One payment due.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
#[schema(as = Installment)]
pub struct InstallmentSchema {
    /// Which payment.
    pub kind: InstallmentKindSchema,
    /// Amount.
    pub amount: MoneySchema,
    /// Due day.
    #[schema(format = Date)]
    pub due_on: String,
}

/// When the guest pays what.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
#[schema(as = PaymentSchedule)]
pub struct PaymentScheduleSchema {
    /// Installments, in order.
    pub installments: Vec<InstallmentSchema>,
    /// Their sum (the stay's total).
    pub total: MoneySchema,
}

/// Check-in and check-out days.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
#[schema(as = ReservationPeriod)]
pub struct ReservationPeriodSchema {
    /// Arrival day.
    #[schema(format = Date, example = "2027-07-03")]
    pub check_in: String,
    /// Departure day.
    #[schema(format = Date, example = "2027-07-10")]
    pub check_out: String,
}

/// The price of a stay (amounts in minor units of `currency`).
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
pub struct QuoteDto {
    /// The currency of every amount.
    pub currency: CurrencySchema,
    /// The stay.
    pub period: ReservationPeriodSchema,
    /// Nights.
    pub nights: u32,
    /// Adults.
    pub adults: u32,
    /// Children.
    pub children: u32,
    /// Nightly prices, per season.
    pub nightly_lines: Vec<NightlyLineSchema>,
    /// Rent before the long-stay discount.
    pub rent_before_discount: MoneySchema,
    /// The long-stay discount, if any.
    pub discount: Option<StayDiscountSchema>,
    /// Rent after the discount.
    pub rent: MoneySchema,
    /// Cleaning fee.
    pub cleaning_fee: MoneySchema,
    /// Extra-guest fee, if any.
    pub extra_guest_fee: Option<ExtraGuestFeeSchema>,
    /// Fees (cleaning + extra guests).
    pub fees: MoneySchema,
    /// Rent + fees.
    pub subtotal: MoneySchema,
    /// The tourist tax.
    pub tourist_tax: TouristTaxBreakdownSchema,
    /// Everything the guest pays.
    pub total: MoneySchema,
    /// When.
    pub schedule: PaymentScheduleSchema,
    /// Security deposit (held, not charged).
    pub security_deposit: MoneySchema,
    /// Cancellation policy.
    pub cancellation_policy: CancellationPolicySchema,
}
