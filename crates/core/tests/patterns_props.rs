//! The OpenAPI `pattern` of each value object matches exactly what its `parse` accepts
//! (or, where a rule is beyond a regular expression, a little more — never less): a
//! schema stricter than the server would make a generated "invalid" request succeed, a
//! looser one makes valid-looking requests fail.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::LazyLock;

use proptest::prelude::*;
use regex::Regex;
use sejour_core::value_objects::{
    CountryCode, Email, MAX_NAME_LENGTH, PersonName, PhoneNumber, PostalAddress,
    pattern::{optional_trimmed_text, trimmed_text},
};

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"))
}

static NAME: LazyLock<Regex> = LazyLock::new(|| compile(&PersonName::pattern()));
static EMAIL: LazyLock<Regex> = LazyLock::new(|| compile(&Email::pattern()));
static PHONE: LazyLock<Regex> = LazyLock::new(|| compile(&PhoneNumber::pattern()));
static COUNTRY: LazyLock<Regex> = LazyLock::new(|| compile(&CountryCode::pattern()));
static OPTIONAL_TEXT: LazyLock<Regex> = LazyLock::new(|| compile(&optional_trimmed_text(5)));
static FRENCH_POSTAL_CODE: LazyLock<Regex> =
    LazyLock::new(|| compile(&PostalAddress::french_postal_code_pattern()));

/// Strings `pattern` (anchored at both ends) matches.
fn drawn_from(pattern: &str) -> impl Strategy<Value = String> + use<> {
    let inner = pattern
        .strip_prefix('^')
        .and_then(|p| p.strip_suffix('$'))
        .unwrap_or(pattern);
    proptest::string::string_regex(inner).unwrap()
}

/// Strings over `alphabet`, up to `max` characters.
fn text(alphabet: &'static [char], max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(alphabet), 0..=max)
        .prop_map(|chars| chars.into_iter().collect())
}

/// Characters that exercise trimming and the control-character rule: White_Space that
/// is (`\t`, U+0085) or is not (U+00A0, U+3000) a control character, controls that are
/// not whitespace (U+001C, U+007F), a zero-width space (neither), letters.
const TEXTY: &[char] = &[
    'a', 'Z', 'é', ' ', '\t', '\n', '\u{85}', '\u{a0}', '\u{3000}', '\u{1c}', '\u{7f}', '\u{200b}',
    '-', '😀',
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn a_name_matches_its_pattern_exactly(raw in text(TEXTY, 8)) {
        let pattern = &*NAME;
        prop_assert_eq!(pattern.is_match(&raw), PersonName::parse(&raw).is_ok(), "{:?}", raw);
    }

    #[test]
    fn an_optional_text_matches_its_pattern_exactly(raw in text(TEXTY, 8)) {
        let pattern = &*OPTIONAL_TEXT;
        let trimmed = raw.trim();
        let accepted = trimmed.is_empty()
            || (trimmed.chars().count() <= 5 && !trimmed.chars().any(char::is_control));
        prop_assert_eq!(pattern.is_match(&raw), accepted, "{:?}", raw);
    }

    #[test]
    fn an_email_matches_its_pattern_exactly(
        local in text(&['a', 'B', '.', '+', 'é', ' ', '\t', '\u{7f}', '@'], 4),
        domain in text(&['a', 'Z', '0', '-', '.', '_', 'é'], 9),
        padding in text(&[' ', '\u{a0}', '\n'], 2),
    ) {
        let pattern = &*EMAIL;
        let raw = format!("{padding}{local}@{domain}{padding}");
        prop_assert_eq!(pattern.is_match(&raw), Email::parse(&raw).is_ok(), "{:?}", raw);
    }

    #[test]
    fn a_phone_number_matches_its_pattern_exactly(
        raw in text(&['+', '0', '0', '1', '3', '6', '9', ' ', '.', '-', '(', ')', '\u{a0}', 'x'], 22)
    ) {
        let pattern = &*PHONE;
        let parsed = PhoneNumber::parse(&raw).is_ok();
        // Never stricter than the server.
        prop_assert!(!parsed || pattern.is_match(&raw), "refused valid {:?}", raw);
        // Exact, but where the pattern may read a dropped `(0)` as a digit.
        if !raw.contains("(0)") {
            prop_assert_eq!(pattern.is_match(&raw), parsed, "{:?}", raw);
        }
    }

    #[test]
    fn a_country_code_matches_its_pattern_exactly(
        raw in text(&['F', 'r', 'R', 'd', 'E', 'Q', 'z', 'w', ' ', '1'], 3)
    ) {
        let pattern = &*COUNTRY;
        prop_assert_eq!(pattern.is_match(&raw), CountryCode::parse(&raw).is_ok(), "{:?}", raw);
    }

    #[test]
    fn a_french_postal_code_matches_its_pattern_exactly(
        raw in text(&['7', '5', '0', ' ', 'A', '\u{a0}', '\t'], 8)
    ) {
        let pattern = &*FRENCH_POSTAL_CODE;
        let address = PostalAddress::new("1 rue X", None, &raw, "Paris", None, CountryCode::FR);
        prop_assert_eq!(pattern.is_match(&raw), address.is_ok(), "{:?}", raw);
    }

}

proptest! {
    // Drawing from the largest patterns is slow: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn values_drawn_from_the_patterns_parse(
        name in drawn_from(&PersonName::pattern()),
        email in drawn_from(&Email::pattern()),
        phone in drawn_from(&PhoneNumber::pattern()),
    ) {
        prop_assert!(PersonName::parse(&name).is_ok(), "{:?}", name);
        prop_assert!(Email::parse(&email).is_ok() || email.trim().chars().count() > 254, "{:?}", email);
        prop_assert!(PhoneNumber::parse(&phone).is_ok() || phone.contains("(0)"), "{:?}", phone);
    }
}

#[test]
fn every_country_code_in_any_case_matches_and_nothing_else() {
    let pattern = compile(&CountryCode::pattern());
    for first in 'A'..='Z' {
        for second in 'A'..='Z' {
            for code in [
                format!("{first}{second}"),
                format!("{}{second}", first.to_ascii_lowercase()),
                format!("{first}{}", second.to_ascii_lowercase()),
            ] {
                assert_eq!(
                    pattern.is_match(&code),
                    CountryCode::parse(&code).is_ok(),
                    "{code}"
                );
            }
        }
    }
    let france = compile(&CountryCode::france_pattern());
    assert!(france.is_match("fR") && !france.is_match("FI") && !france.is_match(" FR"));
}

#[test]
fn lengths_are_counted_in_characters_once_trimmed() {
    let name = compile(&PersonName::pattern());
    let longest = "é".repeat(MAX_NAME_LENGTH);
    assert!(name.is_match(&format!("  {longest}\t")));
    assert!(!name.is_match(&format!("{longest}é")));
    let line = compile(&PostalAddress::line_pattern(false));
    assert!(line.is_match(&"x".repeat(200)) && !line.is_match(&"x".repeat(201)));
    let region = compile(&PostalAddress::city_pattern(true));
    assert!(region.is_match("   ") && region.is_match("") && !region.is_match(&"x".repeat(101)));
    let code = compile(&PostalAddress::postal_code_pattern());
    assert!(code.is_match(" SW1A 1AA ") && !code.is_match(&"9".repeat(17)));
    assert!(compile(&trimmed_text(1)).is_match(" x "));
    let email = compile(&Email::pattern());
    let local = "a".repeat(64);
    assert!(email.is_match(&format!("{local}@example.com")));
    assert!(!email.is_match(&format!("{local}a@example.com")));
    assert!(!email.is_match("a@example.c0m") && !email.is_match("a@-x.com"));
    let phone = compile(&PhoneNumber::pattern());
    for valid in [
        "+33 (0)6 12 34 56 78",
        " 06.12.34.56.78 ",
        "+441234567890123",
    ] {
        assert!(
            phone.is_match(valid) && PhoneNumber::parse(valid).is_ok(),
            "{valid}"
        );
    }
}
