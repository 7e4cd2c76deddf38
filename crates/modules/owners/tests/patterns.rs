//! The OpenAPI `pattern`s of the owners' identifiers accept what their `parse` accepts,
//! and refuse what it refuses but for the checksums no regular expression can state.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::LazyLock;

use proptest::prelude::*;
use regex::Regex;
use sejour_owners::domain::{Iban, LegalName, Siret, VatNumber};

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"))
}

static IBAN: LazyLock<Regex> = LazyLock::new(|| compile(&Iban::pattern()));
static SIRET: LazyLock<Regex> = LazyLock::new(|| compile(&Siret::pattern()));
static VAT: LazyLock<Regex> = LazyLock::new(|| compile(&VatNumber::pattern()));
static LEGAL_NAME: LazyLock<Regex> = LazyLock::new(|| compile(&LegalName::pattern()));

fn text(alphabet: &'static [char], max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(alphabet), 0..=max)
        .prop_map(|chars| chars.into_iter().collect())
}

/// Valid identifiers, and each with a separator put in or a character changed.
fn near(valid: &'static [&'static str], edits: &'static [char]) -> impl Strategy<Value = String> {
    (
        proptest::sample::select(valid),
        proptest::sample::select(edits),
        any::<proptest::sample::Index>(),
        0..3_u8,
    )
        .prop_map(|(valid, edit, at, how)| {
            let mut chars: Vec<char> = valid.chars().collect();
            let i = at.index(chars.len() + 1);
            match how {
                0 => chars.insert(i, edit),
                1 if i < chars.len() => chars[i] = edit,
                _ => chars = chars.iter().map(|c| c.to_ascii_lowercase()).collect(),
            }
            chars.into_iter().collect()
        })
}

const IBANS: &[&str] = &[
    "FR7630006000011234567890189",
    "DE89370400440532013000",
    "GB29NWBK60161331926819",
    "BE68539007547034",
    "NO9386011117947",
    "MT84MALT011000012345MTLCAST001S",
];
const SIRETS: &[&str] = &["73282932000074", "44306184100047", "35600000000048"];
const VATS: &[&str] = &[
    "FR44732829320",
    "FRAB732829320",
    "DE123456789",
    "NL123456789B01",
    "ATU12345678",
    "IE1234567WA",
    "IE1+34567W",
    "RO12",
    "XIGD123",
    "ELE12345678",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn an_iban_matches_its_pattern_unless_only_its_checksum_is_wrong(
        raw in prop_oneof![
            near(IBANS, &[' ', '\t', '\u{a0}', 'x', '7', '0', '-', '9', 'é']),
            text(&['F', 'R', 'D', 'E', '7', '6', '0', '1', ' '], 30),
        ]
    ) {
        let pattern = &*IBAN;
        match Iban::parse(&raw) {
            Ok(_) => prop_assert!(pattern.is_match(&raw), "refused valid {:?}", raw),
            Err(e) if e.code() == "iban.invalid_checksum" => {}
            Err(_) => prop_assert!(!pattern.is_match(&raw), "accepted invalid {:?}", raw),
        }
    }

    #[test]
    fn a_siret_matches_its_pattern_unless_only_its_checksum_is_wrong(
        raw in prop_oneof![
            near(SIRETS, &[' ', '\n', '\u{3000}', '1', 'x', '-']),
            text(&['1', '2', ' ', 'a'], 18),
        ]
    ) {
        let pattern = &*SIRET;
        match Siret::parse(&raw) {
            Ok(_) => prop_assert!(pattern.is_match(&raw), "refused valid {:?}", raw),
            Err(e) if e.code() == "siret.invalid_checksum" => {}
            Err(_) => prop_assert!(!pattern.is_match(&raw), "accepted invalid {:?}", raw),
        }
    }

    #[test]
    fn a_vat_number_matches_its_pattern_unless_only_its_key_is_wrong(
        raw in prop_oneof![
            near(VATS, &[' ', '.', '-', '\t', 'I', 'O', '1', 'b', '+', '_']),
            text(&['F', 'R', 'I', '4', '7', '.', ' '], 14),
        ]
    ) {
        let pattern = &*VAT;
        match VatNumber::parse(&raw) {
            Ok(_) => prop_assert!(pattern.is_match(&raw), "refused valid {:?}", raw),
            Err(e) if e.code() == "vat_number.invalid_key" => {}
            Err(_) => prop_assert!(!pattern.is_match(&raw), "accepted invalid {:?}", raw),
        }
    }

    #[test]
    fn a_legal_name_matches_its_pattern_exactly(
        raw in text(&['S', 'é', ' ', '\t', '\u{a0}', '\u{7f}', '&'], 8)
    ) {
        let pattern = &*LEGAL_NAME;
        prop_assert_eq!(pattern.is_match(&raw), LegalName::parse(&raw).is_ok(), "{:?}", raw);
    }
}
