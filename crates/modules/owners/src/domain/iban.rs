//! International bank account numbers (ISO 13616), for paying owners by SEPA transfer.

use std::fmt;

/// The IBAN length of each country we pay to: the SEPA scheme's members (the EU/EEA,
/// Switzerland, the United Kingdom, Monaco, San Marino, Andorra, Vatican City, Albania,
/// Moldova, Montenegro, North Macedonia, Serbia, with Gibraltar), the Faroe Islands and
/// Greenland, and the French overseas territories that have an ISO code of their own
/// (they use the French format). Guernsey, Jersey and the Isle of Man use `GB` IBANs.
const LENGTHS: [(&str, usize); 56] = [
    ("AD", 24),
    ("AL", 28),
    ("AT", 20),
    ("BE", 16),
    ("BG", 22),
    ("BL", 27),
    ("CH", 21),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("EE", 20),
    ("ES", 24),
    ("FI", 18),
    ("FO", 18),
    ("FR", 27),
    ("GB", 22),
    ("GF", 27),
    ("GI", 23),
    ("GL", 18),
    ("GP", 27),
    ("GR", 27),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IS", 26),
    ("IT", 27),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MD", 24),
    ("ME", 22),
    ("MF", 27),
    ("MK", 19),
    ("MQ", 27),
    ("MT", 31),
    ("NC", 27),
    ("NL", 18),
    ("NO", 15),
    ("PF", 27),
    ("PL", 28),
    ("PM", 27),
    ("PT", 25),
    ("RE", 27),
    ("RO", 24),
    ("RS", 22),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("TF", 27),
    ("VA", 22),
    ("WF", 27),
    ("YT", 27),
];

/// Why an IBAN was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IbanError {
    /// Not two letters, two check digits and letters or digits.
    #[error("an IBAN is a country code, two check digits and letters or digits")]
    InvalidFormat,
    /// A country we do not pay to (outside SEPA), or not a country.
    #[error("IBANs of `{country}` are not accepted (SEPA countries only)")]
    UnsupportedCountry {
        /// The two first characters.
        country: String,
    },
    /// Not the length of that country's IBANs.
    #[error("an IBAN of {country} has {expected} characters, not {actual}")]
    InvalidLength {
        /// The country.
        country: String,
        /// Its IBAN length.
        expected: usize,
        /// The length given.
        actual: usize,
    },
    /// The check digits are wrong (ISO 13616 mod 97): most likely a typo.
    #[error("this IBAN's check digits are wrong; check for a typo")]
    InvalidChecksum,
}

impl IbanError {
    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            IbanError::InvalidFormat => "iban.invalid_format",
            IbanError::UnsupportedCountry { .. } => "iban.unsupported_country",
            IbanError::InvalidLength { .. } => "iban.invalid_length",
            IbanError::InvalidChecksum => "iban.invalid_checksum",
        }
    }
}

/// A valid IBAN of a SEPA country, in electronic form (upper case, no spaces):
/// the country's length, check digits 02–98, and the ISO 13616 rule (the number with
/// its first four characters moved to the end, letters as 10–35, is 1 mod 97).
///
/// `Debug` prints it masked: an IBAN never lands whole in a log by accident.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Iban(String);

impl Iban {
    /// Parses `input`, ignoring whitespace, in any case (`fr76 3000 6000 ...`).
    pub fn parse(input: &str) -> Result<Self, IbanError> {
        let iban: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let bytes = iban.as_bytes();
        let well_formed = bytes.len() >= 5
            && bytes.iter().take(2).all(u8::is_ascii_uppercase)
            && bytes.iter().skip(2).take(2).all(u8::is_ascii_digit)
            && bytes
                .iter()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if !well_formed {
            return Err(IbanError::InvalidFormat);
        }
        let country = iban.get(..2).unwrap_or_default();
        let Some(expected) = length_of(country) else {
            return Err(IbanError::UnsupportedCountry {
                country: country.to_owned(),
            });
        };
        if iban.len() != expected {
            return Err(IbanError::InvalidLength {
                country: country.to_owned(),
                expected,
                actual: iban.len(),
            });
        }
        let check_digits = iban.get(2..4).and_then(|d| d.parse::<u8>().ok());
        if !check_digits.is_some_and(|d| (2..=98).contains(&d)) || mod_97(&iban) != 1 {
            return Err(IbanError::InvalidChecksum);
        }
        Ok(Self(iban))
    }

    /// What [`Iban::parse`] accepts, as a regular expression (the OpenAPI `pattern`; see
    /// `sejour_core::value_objects::pattern`): a SEPA country's code and its length,
    /// check digits 02–98, letters or digits, in any case, whitespace anywhere — all but
    /// the mod-97 checksum.
    pub fn pattern() -> String {
        use sejour_core::value_objects::pattern::{WHITESPACE, separated, two_letter_codes_spaced};
        let mut lengths: Vec<usize> = LENGTHS.iter().map(|(_, len)| *len).collect();
        lengths.sort_unstable();
        lengths.dedup();
        let check = format!("(?:0{WHITESPACE}*[2-9]|[1-8]{WHITESPACE}*[0-9]|9{WHITESPACE}*[0-8])");
        let alternatives: Vec<String> = lengths
            .iter()
            .map(|len| {
                let countries = LENGTHS
                    .iter()
                    .filter(|(_, l)| l == len)
                    .map(|(country, _)| *country);
                let rest = vec!["[A-Za-z0-9]".to_owned(); len.saturating_sub(4)];
                format!(
                    "(?:{}){WHITESPACE}*{check}{WHITESPACE}*{}",
                    two_letter_codes_spaced(countries, &format!("{WHITESPACE}*")),
                    separated(&rest, WHITESPACE)
                )
            })
            .collect();
        format!("^{WHITESPACE}*(?:{})$", alternatives.join("|"))
    }

    /// The electronic form, e.g. `FR7630006000011234567890189`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country code (`FR`).
    pub fn country(&self) -> &str {
        self.0.get(..2).unwrap_or_default()
    }

    /// The print form, in groups of four: `FR76 3000 6000 0112 3456 7890 189`.
    pub fn formatted(&self) -> String {
        group_by_four(self.0.chars())
    }

    /// The print form with everything but the country, the check digits and the last
    /// four characters hidden: `FR76 **** **** **** **** ***0 189`.
    pub fn masked(&self) -> String {
        let len = self.0.len();
        group_by_four(
            self.0
                .chars()
                .enumerate()
                .map(|(i, c)| if i < 4 || i + 4 >= len { c } else { '*' }),
        )
    }
}

impl fmt::Debug for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Iban").field(&self.masked()).finish()
    }
}

fn length_of(country: &str) -> Option<usize> {
    LENGTHS
        .iter()
        .find(|(c, _)| *c == country)
        .map(|(_, len)| *len)
}

/// The ISO 7064 mod-97-10 remainder of the IBAN `iban` (upper-case letters and digits),
/// its first four characters moved to the end and each letter read as 10–35; computed
/// digit by digit, so no big integers.
fn mod_97(iban: &str) -> u32 {
    let (head, tail) = iban.split_at(4.min(iban.len()));
    tail.chars().chain(head.chars()).fold(0, |rem, c| {
        let value = c.to_digit(36).unwrap_or(0);
        if value >= 10 {
            (rem * 100 + value) % 97
        } else {
            (rem * 10 + value) % 97
        }
    })
}

fn group_by_four(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    for (i, c) in chars.enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn given_the_country_table_then_it_is_sorted_and_the_lengths_plausible() {
        assert!(LENGTHS.windows(2).all(|pair| pair[0].0 < pair[1].0));
        assert!(LENGTHS.iter().all(|(_, len)| (15..=34).contains(len)));
    }

    #[test]
    fn given_real_ibans_when_parsing_then_accepted_in_electronic_form() {
        for (input, country) in [
            ("FR1420041010050500013M02606", "FR"),
            ("GB82WEST12345698765432", "GB"),
            ("fr76 3000 6000 0112 3456 7890 189", "FR"),
            ("DE89370400440532013000", "DE"),
            ("CH9300762011623852957", "CH"),
            ("MC5811222000010123456789030", "MC"),
            ("SM86U0322509800000000270100", "SM"),
            ("BE68539007547034", "BE"),
            ("NL91ABNA0417164300", "NL"),
            ("NO9386011117947", "NO"),
            ("MT84MALT011000012345MTLCAST001S", "MT"),
        ] {
            let iban = Iban::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(iban.country(), country);
            assert!(!iban.as_str().contains(' '));
        }
        assert_eq!(
            Iban::parse("fr76 3000 6000 0112 3456 7890 189")
                .unwrap()
                .as_str(),
            "FR7630006000011234567890189"
        );
    }

    #[test]
    fn given_a_typo_when_parsing_then_invalid_checksum() {
        for bad in [
            "FR1420041010050500013M02607",
            "GB82WEST12345698765433",
            "DE89370400440532013001",
            "FR7630006000011234567890198",
        ] {
            let err = Iban::parse(bad).unwrap_err();
            assert_eq!(err, IbanError::InvalidChecksum, "{bad}");
            assert_eq!(err.code(), "iban.invalid_checksum");
        }
    }

    #[test]
    fn given_check_digits_outside_02_to_98_when_parsing_then_refused_even_if_mod_97_holds() {
        // "FR00…" / "FR01…" / "FR99…" are never issued.
        for check in ["00", "01", "99"] {
            let iban = format!("FR{check}30006000011234567890189");
            assert_eq!(Iban::parse(&iban), Err(IbanError::InvalidChecksum));
        }
    }

    #[test]
    fn given_a_wrong_length_when_parsing_then_invalid_length() {
        let err = Iban::parse("FR142004101005050013M02606").unwrap_err();
        assert_eq!(
            err,
            IbanError::InvalidLength {
                country: "FR".into(),
                expected: 27,
                actual: 26
            }
        );
        assert_eq!(err.code(), "iban.invalid_length");
        assert_eq!(
            Iban::parse("GB82WEST1234569876543").unwrap_err().code(),
            "iban.invalid_length"
        );
    }

    #[test]
    fn given_a_country_outside_sepa_or_garbage_when_parsing_then_refused() {
        let err = Iban::parse("US64SVBKUS6S3300958879").unwrap_err();
        assert_eq!(err.code(), "iban.unsupported_country");
        assert_eq!(
            Iban::parse("BR1800360305000010009795493C1").unwrap_err(),
            IbanError::UnsupportedCountry {
                country: "BR".into()
            }
        );
        for bad in [
            "",
            "FR",
            "1234567890",
            "FRXX3000600001",
            "FR76-3000-6000",
            "FR76É",
        ] {
            assert_eq!(
                Iban::parse(bad).unwrap_err(),
                IbanError::InvalidFormat,
                "{bad}"
            );
        }
    }

    #[test]
    fn given_an_iban_when_masking_then_only_country_check_digits_and_last_four_show() {
        let iban = Iban::parse("FR7630006000011234567890189").unwrap();
        assert_eq!(iban.masked(), "FR76 **** **** **** **** ***0 189");
        assert_eq!(iban.formatted(), "FR76 3000 6000 0112 3456 7890 189");
        let gb = Iban::parse("GB82WEST12345698765432").unwrap();
        assert_eq!(gb.masked(), "GB82 **** **** **** **54 32");
        let no = Iban::parse("NO9386011117947").unwrap();
        assert_eq!(no.masked(), "NO93 **** ***7 947");
    }

    #[test]
    fn given_an_iban_when_debug_printed_then_it_is_masked() {
        let iban = Iban::parse("FR7630006000011234567890189").unwrap();
        let printed = format!("{iban:?}");
        assert!(!printed.contains("30006000011234567890"), "{printed}");
        assert!(printed.contains("***0 189"), "{printed}");
    }
}
