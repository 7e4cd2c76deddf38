//! Intra-EU VAT identification numbers.

use std::fmt;

use super::siret::SIREN_LENGTH;

/// Why a VAT number was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VatNumberError {
    /// The first two letters are not an EU VAT prefix (Greece is `EL`, Northern
    /// Ireland `XI`).
    #[error("`{prefix}` is not the prefix of an EU VAT number")]
    UnknownCountry {
        /// The prefix as given.
        prefix: String,
    },
    /// The characters after the prefix do not have that country's shape.
    #[error("this is not the shape of a VAT number of {prefix}")]
    InvalidFormat {
        /// The country prefix.
        prefix: String,
    },
    /// A French number whose two-digit key does not match its SIREN.
    #[error("the key of this French VAT number does not match its SIREN")]
    InvalidKey,
}

impl VatNumberError {
    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            VatNumberError::UnknownCountry { .. } => "vat_number.unknown_country",
            VatNumberError::InvalidFormat { .. } => "vat_number.invalid_format",
            VatNumberError::InvalidKey => "vat_number.invalid_key",
        }
    }
}

/// The shapes of each EU VAT number after its prefix: `d` a digit, `l` a letter, `a` a
/// letter or digit, `i` a letter, `+` or `*` (old Irish numbers); any other character
/// stands for itself. Format only: only French numbers have their key checked.
const FORMATS: [(&str, &[&str]); 28] = [
    ("AT", &["Udddddddd"]),
    ("BE", &["dddddddddd"]),
    ("BG", &["ddddddddd", "dddddddddd"]),
    ("CY", &["ddddddddl"]),
    ("CZ", &["dddddddd", "ddddddddd", "dddddddddd"]),
    ("DE", &["ddddddddd"]),
    ("DK", &["dddddddd"]),
    ("EE", &["ddddddddd"]),
    ("EL", &["ddddddddd"]),
    ("ES", &["addddddda"]),
    ("FI", &["dddddddd"]),
    ("FR", &["aaddddddddd"]),
    ("HR", &["ddddddddddd"]),
    ("HU", &["dddddddd"]),
    ("IE", &["dddddddl", "dddddddll", "didddddl"]),
    ("IT", &["ddddddddddd"]),
    ("LT", &["ddddddddd", "dddddddddddd"]),
    ("LU", &["dddddddd"]),
    ("LV", &["ddddddddddd"]),
    ("MT", &["dddddddd"]),
    ("NL", &["dddddddddBdd"]),
    ("PL", &["dddddddddd"]),
    ("PT", &["ddddddddd"]),
    (
        "RO",
        &[
            "dd",
            "ddd",
            "dddd",
            "ddddd",
            "dddddd",
            "ddddddd",
            "dddddddd",
            "ddddddddd",
            "dddddddddd",
        ],
    ),
    ("SE", &["dddddddddddd"]),
    ("SI", &["dddddddd"]),
    ("SK", &["dddddddddd"]),
    ("XI", &["ddddddddd", "dddddddddddd", "GDddd", "HAddd"]),
];

/// An intra-EU VAT number: an EU prefix and that country's shape; for France (`FR` + a
/// two-character key + the 9-digit SIREN), a numeric key must be
/// `(12 + 3 × (SIREN mod 97)) mod 97`. Stored upper case without separators
/// (`FR44732829320`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VatNumber(String);

impl VatNumber {
    /// Parses `input`, ignoring whitespace, dots and dashes, in any case.
    pub fn parse(input: &str) -> Result<Self, VatNumberError> {
        let normalized: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let (prefix, rest) = match (normalized.get(..2), normalized.get(2..)) {
            (Some(prefix), Some(rest)) => (prefix, rest),
            _ => {
                return Err(VatNumberError::UnknownCountry { prefix: normalized });
            }
        };
        let Some((_, formats)) = FORMATS.iter().find(|(p, _)| *p == prefix) else {
            return Err(VatNumberError::UnknownCountry {
                prefix: prefix.to_owned(),
            });
        };
        if !formats.iter().any(|format| matches_format(rest, format)) {
            return Err(VatNumberError::InvalidFormat {
                prefix: prefix.to_owned(),
            });
        }
        if prefix == "FR" {
            check_french_key(rest)?;
        }
        Ok(Self(normalized))
    }

    /// What [`VatNumber::parse`] accepts, as a regular expression (the OpenAPI
    /// `pattern`; see `sejour_core::value_objects::pattern`): a known prefix and one of its
    /// country's shapes, in any case, with whitespace, dots and dashes anywhere — all but
    /// the key of a French number made of digits, which must match the SIREN.
    pub fn pattern() -> String {
        use sejour_core::value_objects::pattern::{WHITESPACE, either_case, separated};
        let separator = format!(
            "[{}.-]",
            WHITESPACE.trim_start_matches('[').trim_end_matches(']')
        );
        let unit = |prefix: &str, index: usize, f: char| -> String {
            match f {
                'd' => "[0-9]".to_owned(),
                'l' => "[A-Za-z]".to_owned(),
                // The key of a French number: a letter other than I and O, or a digit.
                'a' if prefix == "FR" && index < 2 => "[0-9A-HJ-NP-Za-hj-np-z]".to_owned(),
                'a' => "[A-Za-z0-9]".to_owned(),
                'i' => "[A-Za-z+*]".to_owned(),
                literal => either_case(literal),
            }
        };
        let alternatives: Vec<String> = FORMATS
            .iter()
            .map(|(prefix, formats)| {
                let head: Vec<String> = prefix.chars().map(either_case).collect();
                let shapes: Vec<String> = formats
                    .iter()
                    .map(|format| {
                        let units: Vec<String> = format
                            .chars()
                            .enumerate()
                            .map(|(index, f)| unit(prefix, index, f))
                            .collect();
                        separated(&units, &separator)
                    })
                    .collect();
                format!("{}(?:{})", separated(&head, &separator), shapes.join("|"))
            })
            .collect();
        format!("^{separator}*(?:{})$", alternatives.join("|"))
    }

    /// The number, e.g. `FR44732829320`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country prefix (`FR`, `DE`, `EL`...).
    pub fn prefix(&self) -> &str {
        self.0.get(..2).unwrap_or_default()
    }

    /// The SIREN inside a French number; `None` for other countries.
    pub fn french_siren(&self) -> Option<&str> {
        if self.prefix() == "FR" {
            self.0.get(4..)
        } else {
            None
        }
    }
}

impl fmt::Display for VatNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The key of the French VAT number of `siren`: `(12 + 3 × (siren mod 97)) mod 97`.
pub fn french_vat_key(siren: u64) -> u64 {
    (12 + 3 * (siren % 97)) % 97
}

/// Whether `value` has the shape `format` (see [`FORMATS`]).
fn matches_format(value: &str, format: &str) -> bool {
    value.chars().count() == format.chars().count()
        && value.chars().zip(format.chars()).all(|(c, f)| match f {
            'd' => c.is_ascii_digit(),
            'l' => c.is_ascii_uppercase(),
            'a' => c.is_ascii_uppercase() || c.is_ascii_digit(),
            'i' => c.is_ascii_uppercase() || matches!(c, '+' | '*'),
            literal => c == literal,
        })
}

/// `rest` is a French key and SIREN (`44` + `732829320`); a key of two digits must match
/// the SIREN. Keys with letters (numbers given to entities without a SIREN key of the
/// classic form) are accepted on their shape, minus the letters `I` and `O`.
fn check_french_key(rest: &str) -> Result<(), VatNumberError> {
    let (key, siren) = (rest.get(..2).unwrap_or_default(), rest.get(2..));
    let Some(siren) = siren.filter(|s| s.len() == SIREN_LENGTH) else {
        return Err(VatNumberError::InvalidFormat {
            prefix: "FR".to_owned(),
        });
    };
    if key.bytes().all(|b| b.is_ascii_digit()) {
        let (Ok(key), Ok(siren)) = (key.parse::<u64>(), siren.parse::<u64>()) else {
            return Err(VatNumberError::InvalidKey);
        };
        return if key == french_vat_key(siren) {
            Ok(())
        } else {
            Err(VatNumberError::InvalidKey)
        };
    }
    if key.contains(['I', 'O']) {
        return Err(VatNumberError::InvalidFormat {
            prefix: "FR".to_owned(),
        });
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn given_real_french_numbers_when_parsing_then_the_key_matches_the_siren() {
        for (input, siren) in [
            ("FR44732829320", "732829320"),
            ("fr 88 753 805 035", "753805035"),
            ("FR03552081317", "552081317"),
            ("FR64443061841", "443061841"),
        ] {
            let vat = VatNumber::parse(input).unwrap();
            assert_eq!(vat.prefix(), "FR");
            assert_eq!(vat.french_siren(), Some(siren), "{input}");
        }
        assert_eq!(french_vat_key(732_829_320), 44);
        assert_eq!(
            VatNumber::parse("FR-88.753.805.035").unwrap().as_str(),
            "FR88753805035"
        );
    }

    #[test]
    fn given_a_wrong_french_key_when_parsing_then_invalid_key() {
        let err = VatNumber::parse("FR45732829320").unwrap_err();
        assert_eq!(err, VatNumberError::InvalidKey);
        assert_eq!(err.code(), "vat_number.invalid_key");
    }

    #[test]
    fn given_a_french_alphanumeric_key_when_parsing_then_format_only() {
        assert!(VatNumber::parse("FRA1732829320").is_ok());
        assert_eq!(
            VatNumber::parse("FRO1732829320").unwrap_err().code(),
            "vat_number.invalid_format"
        );
        for bad in ["FR4473282932", "FR447328293200", "FR4473282932A"] {
            assert_eq!(
                VatNumber::parse(bad).unwrap_err().code(),
                "vat_number.invalid_format",
                "{bad}"
            );
        }
    }

    #[test]
    fn given_other_eu_numbers_when_parsing_then_their_shape_is_checked() {
        for good in [
            "DE129273398",
            "ATU13585627",
            "BE0411905847",
            "NL004495445B01",
            "IT00743110157",
            "ESA28015865",
            "ESB12345678",
            "IE6388047V",
            "IE1234567WA",
            "EL094259216",
            "RO18547290",
            "SE556703748501",
            "CY10259033P",
            "XIGD001",
        ] {
            let vat = VatNumber::parse(good).unwrap_or_else(|e| panic!("{good}: {e}"));
            assert_eq!(vat.french_siren(), None);
        }
        for bad in [
            "DE12927339",
            "ATX13585627",
            "NL004495445C01",
            "IT0074311015A",
        ] {
            assert_eq!(
                VatNumber::parse(bad).unwrap_err().code(),
                "vat_number.invalid_format",
                "{bad}"
            );
        }
    }

    #[test]
    fn given_a_prefix_outside_the_eu_when_parsing_then_unknown_country() {
        for bad in ["GR094259216", "GB123456789", "CHE123456789", "US1", "", "F"] {
            assert_eq!(
                VatNumber::parse(bad).unwrap_err().code(),
                "vat_number.unknown_country",
                "{bad}"
            );
        }
    }
}
