//! Properties of the pricing model that must hold for any input: quotes never panic and
//! add up, installments sum exactly to the total, refunds stay within what was paid, the
//! tourist tax is zero without adults; and the configuration types survive a JSON round
//! trip, refusing invalid documents.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;
use sejour_core::value_objects::{Currency, DateRange, Money, ReservationPeriod, refund_due};
use sejour_properties::domain::pricing::{
    CancellationPolicy, InstallmentKind, PaymentSchedule, QuoteRefused, RatePlan, RatePlanDraft,
    ScheduleRules, Season, TaxableNight, TouristTaxConfig, TouristTaxRegime, payment_schedule,
    quote,
};

fn eur(cents: i64) -> Money {
    Money::new(cents, Currency::EUR)
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn plus_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap()
}

/// Every code a quote may be refused with.
const REFUSAL_CODES: [&str; 9] = [
    "quote.no_adult",
    "quote.capacity",
    "quote.past_dates",
    "quote.too_long",
    "quote.minimum_stay",
    "quote.arrival_day",
    "quote.currency_mismatch",
    "money.overflow",
    "money.currency_mismatch",
];

const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn policy() -> impl Strategy<Value = CancellationPolicy> {
    prop_oneof![
        Just(CancellationPolicy::Flexible),
        Just(CancellationPolicy::Moderate),
        Just(CancellationPolicy::Strict),
    ]
}

/// Up to four seasons laid one after the other from 1 January 2026, with gaps.
fn seasons() -> impl Strategy<Value = Vec<Season>> {
    let season = (
        0_u64..40,
        1_u64..120,
        1_i64..=500_000,
        prop::option::of(1_u32..=14),
        prop::option::of(prop::collection::vec(0_usize..7, 1..=3)),
    );
    prop::collection::vec(season, 0..=4).prop_map(|specs| {
        let mut cursor = day(2026, 1, 1);
        specs
            .into_iter()
            .enumerate()
            .map(|(index, (gap, length, nightly, min_nights, arrivals))| {
                let start = plus_days(cursor, gap);
                let end = plus_days(start, length);
                cursor = end;
                let arrival_days = arrivals.map(|days| days.into_iter().map(|d| WEEK[d]).collect());
                Season::new(
                    format!("Season {index}"),
                    DateRange::new(start, end).unwrap(),
                    eur(nightly),
                    min_nights,
                    arrival_days,
                )
                .unwrap()
            })
            .collect()
    })
}

fn rate_plan() -> impl Strategy<Value = RatePlan> {
    (
        (1_i64..=200_000, seasons(), 0_u32..5_000, 0_u32..5_000),
        (0_i64..=50_000, 0_i64..=5_000, 0_u32..=8, 0_i64..=100_000),
        (1_u32..=7, policy()),
    )
        .prop_map(
            |(
                (base, seasons, weekly, monthly),
                (cleaning, extra_fee, threshold, deposit),
                (min_nights, policy),
            )| {
                RatePlan::new(RatePlanDraft {
                    currency: Currency::EUR,
                    base_nightly: eur(base),
                    seasons,
                    weekly_discount_bp: weekly,
                    monthly_discount_bp: monthly,
                    cleaning_fee: eur(cleaning),
                    extra_guest_fee_per_night: eur(extra_fee),
                    extra_guest_threshold: threshold,
                    security_deposit: eur(deposit),
                    default_min_nights: min_nights,
                    cancellation_policy: policy,
                })
                .unwrap()
            },
        )
}

fn tax_config() -> impl Strategy<Value = TouristTaxConfig> {
    let regime = prop_oneof![
        (0_i64..=500).prop_map(|rate| TouristTaxRegime::FixedPerAdultNight { rate: eur(rate) }),
        (100_u32..=500, 0_i64..=1_000).prop_map(|(rate_bp, cap)| {
            TouristTaxRegime::Proportional {
                rate_bp,
                cap_per_adult_night: eur(cap),
            }
        }),
    ];
    (regime, 0_u32..=5_000, 0_u32..=20_000).prop_map(|(regime, departmental, regional)| {
        TouristTaxConfig::new(regime, departmental, regional).unwrap()
    })
}

fn schedule_rules() -> impl Strategy<Value = ScheduleRules> {
    (0_u32..=10_000, 0_u32..=10_000, 0_u32..=24, 0_u32..=365).prop_map(
        |(deposit, cap, months, days)| ScheduleRules::new(deposit, cap, months, days).unwrap(),
    )
}

fn sum(amounts: impl IntoIterator<Item = Money>) -> Money {
    amounts
        .into_iter()
        .try_fold(eur(0), |total, amount| total.checked_add(amount))
        .unwrap()
}

fn schedule_sum(schedule: &PaymentSchedule) -> Money {
    sum(schedule.installments.iter().map(|i| i.amount))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn quotes_never_panic_and_add_up(
        plan in rate_plan(),
        tax in tax_config(),
        rules in schedule_rules(),
        today_offset in 0_u64..=400,
        lead_days in -5_i64..=400,
        nights in 1_u64..=90,
        adults in 0_u32..=8,
        children in prop::collection::vec(0_u8..=25, 0..=5),
        capacity in 1_u32..=20,
        mandate in any::<bool>(),
        paid_share_bp in 0_u32..=10_000,
        cancel_offset in 0_u64..=600,
    ) {
        let today = plus_days(day(2025, 9, 1), today_offset);
        let check_in = today
            .checked_add_signed(chrono::TimeDelta::days(lead_days))
            .unwrap();
        let stay = ReservationPeriod::new(check_in, plus_days(check_in, nights)).unwrap();

        let result = quote(&plan, &tax, stay, adults, &children, today, capacity, &rules, mandate);
        let quote = match result {
            Err(refused) => {
                prop_assert!(REFUSAL_CODES.contains(&refused.code()), "{refused:?}");
                prop_assert!(!matches!(refused, QuoteRefused::Pricing(_)), "{refused:?}");
                return Ok(());
            }
            Ok(quote) => quote,
        };

        // The lines add up.
        prop_assert_eq!(quote.nightly_lines.iter().map(|l| l.nights).sum::<u32>(), quote.nights);
        let lines_total = sum(quote.nightly_lines.iter().map(|l| l.amount));
        prop_assert_eq!(lines_total, quote.rent_before_discount);
        let discount = quote.discount.map_or(eur(0), |d| d.amount);
        prop_assert_eq!(quote.rent_before_discount.checked_sub(discount).unwrap(), quote.rent);
        let extra = quote.extra_guest_fee.map_or(eur(0), |f| f.amount);
        prop_assert_eq!(quote.cleaning_fee.checked_add(extra).unwrap(), quote.fees);
        prop_assert_eq!(quote.rent.checked_add(quote.fees).unwrap(), quote.subtotal);
        let tax_total = &quote.tourist_tax;
        prop_assert_eq!(sum(tax_total.lines.iter().map(|l| l.amount)), tax_total.communal);
        prop_assert_eq!(
            sum([tax_total.communal, tax_total.departmental, tax_total.regional]),
            tax_total.total
        );
        prop_assert_eq!(quote.subtotal.checked_add(tax_total.total).unwrap(), quote.total);
        prop_assert!(!quote.rent.is_negative() && !quote.total.is_negative());

        // The schedule pays exactly the total, between today and check-in.
        prop_assert_eq!(schedule_sum(&quote.schedule), quote.total);
        for installment in &quote.schedule.installments {
            prop_assert!(today <= installment.due_on && installment.due_on <= check_in);
            prop_assert!(!installment.amount.is_negative());
        }
        if mandate {
            for installment in &quote.schedule.installments {
                if installment.kind == InstallmentKind::Deposit {
                    let deposit = i128::from(installment.amount.amount_minor()) * 10_000;
                    let cap = i128::from(quote.rent.amount_minor())
                        * i128::from(rules.mandate_advance_cap_bp());
                    prop_assert!(deposit <= cap);
                }
            }
        }

        // Refunds stay within what was paid.
        let paid = quote.total.percent_bp(paid_share_bp).unwrap();
        let cancelled_on = plus_days(today, cancel_offset);
        let refund = quote.refund_due(paid, cancelled_on).unwrap();
        prop_assert!(!refund.is_negative() && refund.amount_minor() <= paid.amount_minor());
        let full_refund = quote.refund_due(quote.total, cancelled_on).unwrap();
        prop_assert!(full_refund.amount_minor() >= tax_total.total.amount_minor());
    }

    #[test]
    fn quotes_never_panic_anywhere_in_the_calendar(
        plan in rate_plan(),
        tax in tax_config(),
        check_in_day in NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce(),
        today_shift in -400_i32..=400,
        nights in 1_u64..=95,
        adults in 0_u32..=8,
        children in prop::collection::vec(any::<u8>(), 0..=8),
    ) {
        let check_in = NaiveDate::from_num_days_from_ce_opt(check_in_day).unwrap();
        let Some(check_out) = check_in.checked_add_days(Days::new(nights)) else {
            return Ok(());
        };
        let today = check_in_day
            .checked_add(today_shift)
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .unwrap_or(check_in);
        let stay = ReservationPeriod::new(check_in, check_out).unwrap();
        let rules = ScheduleRules::default();
        let result = quote(&plan, &tax, stay, adults, &children, today, 12, &rules, true);
        match result {
            Ok(quote) => prop_assert_eq!(schedule_sum(&quote.schedule), quote.total),
            Err(refused) => prop_assert!(REFUSAL_CODES.contains(&refused.code()), "{refused:?}"),
        }
    }

    #[test]
    fn schedule_installments_always_sum_to_the_total(
        total in 0_i64..=1_000_000_000_000,
        rent_share in 0_u32..=10_000,
        rules in schedule_rules(),
        today_offset in 0_u64..=800,
        check_in_offset in 0_u64..=800,
        mandate in any::<bool>(),
    ) {
        let total = eur(total);
        let rent = total.percent_bp(rent_share).unwrap();
        let today = plus_days(day(2025, 1, 1), today_offset);
        let check_in = plus_days(day(2025, 1, 1), check_in_offset);
        let schedule = payment_schedule(&rules, total, rent, today, check_in, mandate).unwrap();

        prop_assert_eq!(schedule_sum(&schedule), total);
        prop_assert_eq!(schedule.total, total);
        prop_assert!(!schedule.installments.is_empty() && schedule.installments.len() <= 2);
        for pair in schedule.installments.windows(2) {
            prop_assert!(pair[0].due_on <= pair[1].due_on);
        }
        for installment in &schedule.installments {
            prop_assert!(installment.due_on >= today);
            prop_assert!(total.is_zero() || installment.amount.is_positive());
        }
    }

    #[test]
    fn tourist_tax_is_zero_without_adults(
        tax in tax_config(),
        prices in prop::collection::vec(0_i64..=100_000_000, 0..=90),
        minors in 0_u32..=20,
    ) {
        let nights: Vec<TaxableNight> = day(2026, 1, 1)
            .iter_days()
            .zip(prices)
            .map(|(date, price)| TaxableNight { date, price: eur(price) })
            .collect();
        let breakdown = tax.compute(&nights, 0, minors).unwrap();
        prop_assert_eq!(breakdown.total, eur(0));
        prop_assert_eq!(breakdown.communal, eur(0));
    }

    #[test]
    fn tourist_tax_adds_up_and_respects_the_cap(
        tax in tax_config(),
        prices in prop::collection::vec(0_i64..=100_000_000, 0..=90),
        adults in 0_u32..=20,
        minors in 0_u32..=20,
    ) {
        let nights: Vec<TaxableNight> = day(2026, 1, 1)
            .iter_days()
            .zip(prices)
            .map(|(date, price)| TaxableNight { date, price: eur(price) })
            .collect();
        let breakdown = tax.compute(&nights, adults, minors).unwrap();
        let taxed_nights: usize = breakdown.lines.iter().map(|l| l.nights as usize).sum();
        prop_assert_eq!(taxed_nights, nights.len());
        prop_assert_eq!(sum(breakdown.lines.iter().map(|l| l.amount)), breakdown.communal);
        prop_assert_eq!(
            sum([breakdown.communal, breakdown.departmental, breakdown.regional]),
            breakdown.total
        );
        for line in &breakdown.lines {
            let per_adult_night = line.per_adult_night.amount_minor();
            let expected = i64::from(adults) * i64::from(line.nights) * per_adult_night;
            prop_assert_eq!(line.amount, eur(expected));
            if let TouristTaxRegime::Proportional { cap_per_adult_night: cap, .. } = tax.regime() {
                prop_assert!(per_adult_night <= cap.amount_minor());
            }
        }
    }

    #[test]
    fn refunds_never_exceed_what_was_paid(
        policy in policy(),
        paid in -1_000_000_i64..=10_000_000,
        rent in 0_i64..=10_000_000,
        fees in 0_i64..=1_000_000,
        cancelled_offset in 0_u64..=400,
        check_in_offset in 0_u64..=400,
    ) {
        let cancelled_on = plus_days(day(2026, 1, 1), cancelled_offset);
        let check_in = plus_days(day(2026, 1, 1), check_in_offset);
        let refund = refund_due(policy, eur(paid), eur(rent), eur(fees), cancelled_on, check_in);
        let refund = refund.unwrap();
        prop_assert!(!refund.is_negative());
        prop_assert!(refund.amount_minor() <= paid.max(0));
        // Whatever was paid above the stay price (the tourist tax) always comes back.
        let price = rent + fees;
        if paid >= price {
            prop_assert!(refund.amount_minor() >= paid - price);
        }
    }

    #[test]
    fn configuration_survives_a_json_round_trip(
        plan in rate_plan(),
        tax in tax_config(),
        rules in schedule_rules(),
    ) {
        let json = serde_json::to_value(&plan).unwrap();
        prop_assert_eq!(serde_json::from_value::<RatePlan>(json).unwrap(), plan);
        let json = serde_json::to_value(tax).unwrap();
        prop_assert_eq!(serde_json::from_value::<TouristTaxConfig>(json).unwrap(), tax);
        let json = serde_json::to_value(rules).unwrap();
        prop_assert_eq!(serde_json::from_value::<ScheduleRules>(json).unwrap(), rules);
    }
}

fn plan_json() -> serde_json::Value {
    serde_json::json!({
        "currency": "EUR",
        "baseNightly": {"amount": 10000, "currency": "EUR"},
        "seasons": [
            {
                "name": "Summer",
                "dates": {"start": "2026-07-01", "end": "2026-09-01"},
                "nightly": {"amount": 15000, "currency": "EUR"},
                "minNights": 7,
                "arrivalDays": ["Sat"]
            }
        ],
        "weeklyDiscountBp": 1000,
        "monthlyDiscountBp": 2000,
        "cleaningFee": {"amount": 6000, "currency": "EUR"},
        "extraGuestFeePerNight": {"amount": 1500, "currency": "EUR"},
        "extraGuestThreshold": 4,
        "securityDeposit": {"amount": 50000, "currency": "EUR"},
        "defaultMinNights": 2,
        "cancellationPolicy": "moderate"
    })
}

#[test]
fn given_plan_json_when_reading_then_camel_case_fields_and_rules_hold() {
    let plan: RatePlan = serde_json::from_value(plan_json()).unwrap();
    assert_eq!(plan.base_nightly(), eur(10_000));
    assert_eq!(plan.seasons()[0].arrival_days(), Some(&[Weekday::Sat][..]));
    assert_eq!(plan.cancellation_policy(), CancellationPolicy::Moderate);
    assert_eq!(serde_json::to_value(&plan).unwrap(), plan_json());
}

#[test]
fn given_invalid_plan_json_when_reading_then_refused() {
    let mut overlapping = plan_json();
    overlapping["seasons"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "name": "August",
            "dates": {"start": "2026-08-01", "end": "2026-08-15"},
            "nightly": {"amount": 18000, "currency": "EUR"}
        }));
    let error = serde_json::from_value::<RatePlan>(overlapping).unwrap_err();
    assert!(error.to_string().contains("overlap"), "{error}");

    let mut discount = plan_json();
    discount["weeklyDiscountBp"] = serde_json::json!(10_000);
    assert!(serde_json::from_value::<RatePlan>(discount).is_err());

    let mut currency = plan_json();
    currency["cleaningFee"] = serde_json::json!({"amount": 6000, "currency": "USD"});
    assert!(serde_json::from_value::<RatePlan>(currency).is_err());

    let mut no_arrival = plan_json();
    no_arrival["seasons"][0]["arrivalDays"] = serde_json::json!([]);
    assert!(serde_json::from_value::<RatePlan>(no_arrival).is_err());

    let mut policy = plan_json();
    policy["cancellationPolicy"] = serde_json::json!("lenient");
    assert!(serde_json::from_value::<RatePlan>(policy).is_err());
}

#[test]
fn given_tourist_tax_json_when_reading_then_regime_is_tagged_and_validated() {
    let json = serde_json::json!({
        "regime": {
            "kind": "proportional",
            "rateBp": 500,
            "capPerAdultNight": {"amount": 460, "currency": "EUR"}
        },
        "departmentalSurchargeBp": 1000,
        "regionalSurchargeBp": 0
    });
    let tax: TouristTaxConfig = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(
        tax.regime(),
        TouristTaxRegime::Proportional {
            rate_bp: 500,
            cap_per_adult_night: eur(460)
        }
    );
    assert_eq!(serde_json::to_value(tax).unwrap(), json);

    let fixed = serde_json::json!({
        "regime": {"kind": "fixedPerAdultNight", "rate": {"amount": 83, "currency": "EUR"}},
        "departmentalSurchargeBp": 1000
    });
    let tax: TouristTaxConfig = serde_json::from_value(fixed).unwrap();
    assert_eq!(tax.regional_surcharge_bp(), 0);

    let mut too_high = json;
    too_high["regime"]["rateBp"] = serde_json::json!(600);
    assert!(serde_json::from_value::<TouristTaxConfig>(too_high).is_err());
}

#[test]
fn given_schedule_rules_json_when_reading_then_validated() {
    let json = serde_json::to_value(ScheduleRules::default()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "depositBp": 3000,
            "mandateAdvanceCapBp": 2500,
            "advanceMaxMonthsBeforeArrival": 6,
            "balanceDueDaysBeforeArrival": 30
        })
    );
    let mut invalid = json;
    invalid["depositBp"] = serde_json::json!(10_001);
    assert!(serde_json::from_value::<ScheduleRules>(invalid).is_err());
    assert_eq!(
        serde_json::to_value(CancellationPolicy::Strict).unwrap(),
        serde_json::json!("strict")
    );
}

#[test]
fn given_a_quote_when_serialized_then_camel_case_breakdown() {
    let plan: RatePlan = serde_json::from_value(plan_json()).unwrap();
    let tax = TouristTaxConfig::new(
        TouristTaxRegime::FixedPerAdultNight { rate: eur(83) },
        1_000,
        0,
    )
    .unwrap();
    let stay = ReservationPeriod::new(day(2026, 7, 4), day(2026, 7, 11)).unwrap();
    let quote = quote(
        &plan,
        &tax,
        stay,
        2,
        &[],
        day(2026, 3, 1),
        4,
        &ScheduleRules::default(),
        false,
    )
    .unwrap();
    let json = serde_json::to_value(&quote).unwrap();
    assert_eq!(
        json["total"],
        serde_json::json!({"amount": 101_778, "currency": "EUR"})
    );
    assert_eq!(
        json["nightlyLines"][0]["rate"],
        serde_json::json!({"kind": "season", "name": "Summer"})
    );
    assert_eq!(
        json["touristTax"]["communal"]["amount"],
        serde_json::json!(1_162)
    );
    assert_eq!(
        json["schedule"]["installments"][0]["kind"],
        serde_json::json!("deposit")
    );
}
