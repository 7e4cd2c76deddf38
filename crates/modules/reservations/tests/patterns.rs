//! The OpenAPI `pattern`s of a booking's free text (notes, a cancellation's reason)
//! accept exactly what their `parse` accepts.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::LazyLock;

use proptest::prelude::*;
use regex::Regex;
use sejour_reservations::domain::guests::{CancelReason, Notes};

static NOTES: LazyLock<Regex> = LazyLock::new(|| Regex::new(&Notes::pattern()).unwrap());
static REASON: LazyLock<Regex> = LazyLock::new(|| Regex::new(&CancelReason::pattern()).unwrap());

fn text() -> impl Strategy<Value = String> {
    let alphabet = &[
        'a', 'é', ' ', '\t', '\n', '\r', '\u{b}', '\u{85}', '\u{a0}', '\u{7}', '\u{7f}', '😀',
    ];
    proptest::collection::vec(proptest::sample::select(alphabet), 0..=8)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn notes_match_their_pattern_exactly(raw in text()) {
        prop_assert_eq!(NOTES.is_match(&raw), Notes::parse(&raw).is_ok(), "{:?}", raw);
    }

    #[test]
    fn a_reason_matches_its_pattern_exactly(raw in text()) {
        prop_assert_eq!(REASON.is_match(&raw), CancelReason::parse(&raw).is_ok(), "{:?}", raw);
    }
}

#[test]
fn lengths_are_counted_in_characters_once_trimmed() {
    let longest = "é".repeat(500);
    assert!(REASON.is_match(&format!(" {longest}\n")) && !REASON.is_match(&format!("{longest}é")));
    assert!(NOTES.is_match(&"x\n".repeat(1000)) && !NOTES.is_match(&"x".repeat(2001)));
}
