//! Property tests of the shared kernel's value objects.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use sejour_core::value_objects::{Currency, DateRange, Money, MoneyError};

// ---------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------

fn base_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

/// A date within a short window, so that generated ranges often meet.
fn date_in_window() -> impl Strategy<Value = NaiveDate> {
    (0_u64..120).prop_map(|offset| base_date() + Days::new(offset))
}

/// A valid range starting in the window, 1 to 45 nights long.
fn date_range() -> impl Strategy<Value = DateRange> {
    (date_in_window(), 1_u64..=45)
        .prop_map(|(start, nights)| DateRange::new(start, start + Days::new(nights)).unwrap())
}

fn currency() -> impl Strategy<Value = Currency> {
    let all: Vec<Currency> = Currency::all().collect();
    proptest::sample::select(all)
}

fn two_distinct_currencies() -> impl Strategy<Value = (Currency, Currency)> {
    (currency(), currency()).prop_filter("distinct currencies", |(a, b)| a != b)
}

/// Amounts small enough that sums of three never overflow.
fn modest_amount() -> impl Strategy<Value = i64> {
    -1_000_000_000_000_000_i64..1_000_000_000_000_000
}

fn eur(amount: i64) -> Money {
    Money::new(amount, Currency::EUR)
}

// ---------------------------------------------------------------------------------------
// DateRange
// ---------------------------------------------------------------------------------------

proptest! {
    #[test]
    fn overlap_is_symmetric(a in date_range(), b in date_range()) {
        prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
    }

    #[test]
    fn a_range_overlaps_itself(a in date_range()) {
        prop_assert!(a.overlaps(&a));
        prop_assert_eq!(a.intersection(&a), Some(a));
    }

    #[test]
    fn adjacent_ranges_never_overlap(a in date_range(), nights in 1_u64..=45) {
        let next = DateRange::new(a.end(), a.end() + Days::new(nights)).unwrap();
        prop_assert!(a.is_adjacent_to(&next));
        prop_assert!(next.is_adjacent_to(&a));
        prop_assert!(!a.overlaps(&next));
        prop_assert!(!next.overlaps(&a));
        prop_assert_eq!(a.intersection(&next), None);
    }

    #[test]
    fn overlaps_iff_intersection_exists(a in date_range(), b in date_range()) {
        prop_assert_eq!(a.overlaps(&b), a.intersection(&b).is_some());
        prop_assert_eq!(a.intersection(&b), b.intersection(&a));
    }

    #[test]
    fn intersection_is_no_longer_than_either_range(a in date_range(), b in date_range()) {
        if let Some(shared) = a.intersection(&b) {
            prop_assert!(shared.nights() <= a.nights().min(b.nights()));
            prop_assert!(a.contains_range(&shared));
            prop_assert!(b.contains_range(&shared));
        }
    }

    #[test]
    fn every_iterated_day_is_contained_and_end_never_is(a in date_range()) {
        let days: Vec<NaiveDate> = a.iter_days().collect();
        prop_assert_eq!(i64::try_from(days.len()).unwrap(), a.nights());
        for day in &days {
            prop_assert!(a.contains(*day));
        }
        prop_assert!(!a.contains(a.end()));
        prop_assert!(!days.contains(&a.end()));
    }

    #[test]
    fn contains_matches_half_open_bounds(a in date_range(), day in date_in_window()) {
        prop_assert_eq!(a.contains(day), a.start() <= day && day < a.end());
    }

    #[test]
    fn date_range_survives_a_json_round_trip(a in date_range()) {
        let json = serde_json::to_string(&a).unwrap();
        prop_assert_eq!(serde_json::from_str::<DateRange>(&json).unwrap(), a);
    }
}

// ---------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------

proptest! {
    #[test]
    fn addition_is_commutative(a in any::<i64>(), b in any::<i64>(), c in currency()) {
        let (x, y) = (Money::new(a, c), Money::new(b, c));
        prop_assert_eq!(x.checked_add(y), y.checked_add(x));
    }

    #[test]
    fn addition_is_associative_without_overflow(
        a in modest_amount(),
        b in modest_amount(),
        c in modest_amount(),
    ) {
        let left = eur(a).checked_add(eur(b)).and_then(|ab| ab.checked_add(eur(c)));
        let right = eur(b).checked_add(eur(c)).and_then(|bc| eur(a).checked_add(bc));
        prop_assert!(left.is_ok());
        prop_assert_eq!(left, right);
    }

    #[test]
    fn addition_is_associative_whenever_both_sides_succeed(
        a in any::<i64>(),
        b in any::<i64>(),
        c in any::<i64>(),
    ) {
        let left = eur(a).checked_add(eur(b)).and_then(|ab| ab.checked_add(eur(c)));
        let right = eur(b).checked_add(eur(c)).and_then(|bc| eur(a).checked_add(bc));
        if let (Ok(left), Ok(right)) = (left, right) {
            prop_assert_eq!(left, right);
        }
    }

    #[test]
    fn subtracting_then_adding_back_gives_the_start(a in any::<i64>(), b in any::<i64>()) {
        if let Ok(difference) = eur(a).checked_sub(eur(b)) {
            prop_assert_eq!(difference.checked_add(eur(b)), Ok(eur(a)));
        }
    }

    #[test]
    fn mixed_currencies_always_error(
        a in any::<i64>(),
        b in any::<i64>(),
        (left, right) in two_distinct_currencies(),
    ) {
        let expected = Err(MoneyError::CurrencyMismatch { left, right });
        prop_assert_eq!(Money::new(a, left).checked_add(Money::new(b, right)), expected.clone());
        prop_assert_eq!(Money::new(a, left).checked_sub(Money::new(b, right)), expected);
    }

    #[test]
    fn arithmetic_never_panics_and_errs_exactly_on_overflow(
        a in any::<i64>(),
        b in any::<i64>(),
        basis_points in any::<u32>(),
    ) {
        let fits = |exact: i128| i64::try_from(exact).is_ok();
        let (wide_a, wide_b) = (i128::from(a), i128::from(b));

        prop_assert_eq!(eur(a).checked_add(eur(b)).is_ok(), fits(wide_a + wide_b));
        prop_assert_eq!(eur(a).checked_sub(eur(b)).is_ok(), fits(wide_a - wide_b));
        prop_assert_eq!(eur(a).checked_mul(b).is_ok(), fits(wide_a * wide_b));
        prop_assert_eq!(eur(a).checked_neg().is_ok(), fits(-wide_a));
        match eur(a).percent_bp(basis_points) {
            Ok(share) => {
                // Within half a minor unit of the exact value.
                let exact_times_10k = wide_a * i128::from(basis_points);
                let error = (i128::from(share.amount_minor()) * 10_000 - exact_times_10k).abs();
                prop_assert!(error <= 5_000);
            }
            Err(error) => prop_assert_eq!(error, MoneyError::Overflow),
        }
        let _ = eur(a).to_string();
    }

    #[test]
    fn percent_of_ten_thousand_basis_points_is_identity(a in any::<i64>(), c in currency()) {
        prop_assert_eq!(Money::new(a, c).percent_bp(10_000), Ok(Money::new(a, c)));
    }

    #[test]
    fn allocation_sums_to_the_whole_and_each_part_is_within_one_unit(
        amount in any::<i64>(),
        weights in proptest::collection::vec(any::<u32>(), 1..12),
    ) {
        let total: i128 = weights.iter().map(|w| i128::from(*w)).sum();
        prop_assume!(total > 0);
        let parts = eur(amount).allocate(&weights).unwrap();
        prop_assert_eq!(parts.len(), weights.len());

        let sum: i128 = parts.iter().map(|p| i128::from(p.amount_minor())).sum();
        prop_assert_eq!(sum, i128::from(amount));

        for (part, weight) in parts.iter().zip(&weights) {
            prop_assert_eq!(part.currency(), Currency::EUR);
            // |part - amount × weight / total| < 1  ⇔  |part × total - amount × weight| < total
            let scaled_gap =
                i128::from(part.amount_minor()) * total - i128::from(amount) * i128::from(*weight);
            prop_assert!(scaled_gap.abs() < total);
        }
    }

    #[test]
    fn allocation_with_small_weights_is_within_one_unit(
        amount in -1_000_000_i64..1_000_000,
        weights in proptest::collection::vec(0_u32..5, 1..8),
    ) {
        let total: i128 = weights.iter().map(|w| i128::from(*w)).sum();
        match eur(amount).allocate(&weights) {
            Err(error) => {
                prop_assert_eq!(total, 0);
                prop_assert_eq!(error, MoneyError::InvalidWeights);
            }
            Ok(parts) => {
                let sum: i64 = parts.iter().map(Money::amount_minor).sum();
                prop_assert_eq!(sum, amount);
                for (part, weight) in parts.iter().zip(&weights) {
                    let scaled_gap = i128::from(part.amount_minor()) * total
                        - i128::from(amount) * i128::from(*weight);
                    prop_assert!(scaled_gap.abs() < total);
                }
            }
        }
    }

    #[test]
    fn money_survives_a_json_round_trip(a in any::<i64>(), c in currency()) {
        let money = Money::new(a, c);
        let json = serde_json::to_string(&money).unwrap();
        prop_assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), money);
    }
}
