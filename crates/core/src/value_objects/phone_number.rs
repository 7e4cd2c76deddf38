//! Telephone numbers, stored in E.164 form.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Fewest digits accepted after the `+`.
const MIN_DIGITS: usize = 8;
/// Most digits accepted after the `+` (the E.164 maximum).
const MAX_DIGITS: usize = 15;
/// Digits in a French national number (`0X XX XX XX XX`).
const FRENCH_NATIONAL_DIGITS: usize = 10;

/// Why a telephone number was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneNumberError {
    /// Nothing but whitespace was given.
    #[error("phone number is empty")]
    Empty,
    /// A character other than digits, a leading `+`, spaces, dots, dashes or parentheses.
    #[error("phone number contains an invalid character {character:?}")]
    InvalidCharacter {
        /// The first offending character.
        character: char,
    },
    /// An international number whose digit count is outside 8..=15.
    #[error("phone number must have between 8 and 15 digits after '+', got {digits}")]
    InvalidLength {
        /// How many digits were given.
        digits: usize,
    },
    /// Neither `+` and a country code, nor a French national number (`0X XX XX XX XX`).
    #[error(
        "phone number must be in international form (+ and country code) or French national form (0X XX XX XX XX)"
    )]
    InvalidFormat,
}

impl PhoneNumberError {
    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "phone_number.empty",
            Self::InvalidCharacter { .. } => "phone_number.invalid_character",
            Self::InvalidLength { .. } => "phone_number.invalid_length",
            Self::InvalidFormat => "phone_number.invalid_format",
        }
    }
}

/// A telephone number normalized to E.164 (`+33612345678`). Serialized as that string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Parses an international number (`+44 20 7946 0958`, `+33 (0)6 12 34 56 78`) or a
    /// French national one (`06 12 34 56 78`, read as `+33612345678`).
    ///
    /// Spaces, dots, dashes and parentheses are ignored; in international form a trunk
    /// prefix written `(0)` is dropped.
    pub fn parse(input: &str) -> Result<Self, PhoneNumberError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PhoneNumberError::Empty);
        }
        match trimmed.strip_prefix('+') {
            Some(international) => {
                let digits = digits_of(&international.replace("(0)", ""))?;
                if !(MIN_DIGITS..=MAX_DIGITS).contains(&digits.len()) {
                    return Err(PhoneNumberError::InvalidLength {
                        digits: digits.len(),
                    });
                }
                if digits.starts_with('0') {
                    return Err(PhoneNumberError::InvalidFormat);
                }
                Ok(Self(format!("+{digits}")))
            }
            None => {
                let digits = digits_of(trimmed)?;
                let subscriber = digits
                    .strip_prefix('0')
                    .filter(|_| digits.len() == FRENCH_NATIONAL_DIGITS)
                    .filter(|rest| !rest.starts_with('0'))
                    .ok_or(PhoneNumberError::InvalidFormat)?;
                Ok(Self(format!("+33{subscriber}")))
            }
        }
    }

    /// What [`PhoneNumber::parse`] accepts, as a regular expression (see
    /// [`super::pattern`]): `+` and 8 to 15 digits, the first not 0, or a French national
    /// number `0X XX XX XX XX` (X not 0), with spaces, dots, dashes and parentheses
    /// anywhere and whitespace around.
    pub fn pattern() -> String {
        use super::pattern::WHITESPACE;
        let separator =
            r"[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000.()-]";
        // A trunk prefix written `(0)` is dropped in international form.
        let international_separator = format!(r"(?:{separator}|\(0\))");
        let (s, t) = (separator, international_separator);
        let (min, max) = (MIN_DIGITS - 1, MAX_DIGITS - 1);
        let national = FRENCH_NATIONAL_DIGITS - 2;
        format!(
            "^{WHITESPACE}*(?:\\+{t}*[1-9](?:{t}*[0-9]){{{min},{max}}}{t}*|{s}*0{s}*[1-9](?:{s}*[0-9]){{{national}}}{s}*)$"
        )
    }

    /// The E.164 form, e.g. `"+33612345678"`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The digits of `input`, skipping the separators people type.
fn digits_of(input: &str) -> Result<String, PhoneNumberError> {
    let mut digits = String::with_capacity(input.len());
    for character in input.chars() {
        if character.is_ascii_digit() {
            digits.push(character);
        } else if !(character.is_whitespace() || matches!(character, '.' | '-' | '(' | ')')) {
            return Err(PhoneNumberError::InvalidCharacter { character });
        }
    }
    Ok(digits)
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for PhoneNumber {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for PhoneNumber {
    type Err = PhoneNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = PhoneNumberError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<PhoneNumber> for String {
    fn from(value: PhoneNumber) -> Self {
        value.0
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn parsed(input: &str) -> String {
        PhoneNumber::parse(input).unwrap().as_str().to_owned()
    }

    #[test]
    fn given_e164_numbers_when_parsing_then_kept() {
        assert_eq!(parsed("+33612345678"), "+33612345678");
        assert_eq!(parsed("+12025550123"), "+12025550123");
        assert_eq!(parsed("+12345678"), "+12345678");
        assert_eq!(parsed("+123456789012345"), "+123456789012345");
    }

    #[test]
    fn given_separators_when_parsing_then_stripped() {
        assert_eq!(parsed("  +44 20 7946 0958 "), "+442079460958");
        assert_eq!(parsed("+1 (202) 555-0123"), "+12025550123");
        assert_eq!(parsed("+33.6.12.34.56.78"), "+33612345678");
        assert_eq!(parsed("+33 (0)6 12 34 56 78"), "+33612345678");
    }

    #[test]
    fn given_french_national_numbers_when_parsing_then_converted_to_e164() {
        assert_eq!(parsed("06 12 34 56 78"), "+33612345678");
        assert_eq!(parsed("01.23.45.67.89"), "+33123456789");
        assert_eq!(parsed("09-87-65-43-21"), "+33987654321");
        assert_eq!(parsed("0612345678"), "+33612345678");
        assert_eq!(parsed("06\u{a0}12\u{a0}34\u{a0}56\u{a0}78"), "+33612345678");
    }

    #[test]
    fn given_empty_input_when_parsing_then_empty_error() {
        assert_eq!(PhoneNumber::parse(" "), Err(PhoneNumberError::Empty));
        assert_eq!(PhoneNumberError::Empty.code(), "phone_number.empty");
    }

    #[test]
    fn given_letters_or_symbols_when_parsing_then_invalid_character() {
        assert_eq!(
            PhoneNumber::parse("+33 6 12 AB 56 78"),
            Err(PhoneNumberError::InvalidCharacter { character: 'A' })
        );
        assert_eq!(
            PhoneNumber::parse("+33+612345678"),
            Err(PhoneNumberError::InvalidCharacter { character: '+' })
        );
        assert_eq!(
            PhoneNumber::parse("06/12/34/56/78").unwrap_err().code(),
            "phone_number.invalid_character"
        );
    }

    #[test]
    fn given_wrong_digit_count_when_parsing_international_then_invalid_length() {
        assert_eq!(
            PhoneNumber::parse("+1234567"),
            Err(PhoneNumberError::InvalidLength { digits: 7 })
        );
        assert_eq!(
            PhoneNumber::parse("+1234567890123456"),
            Err(PhoneNumberError::InvalidLength { digits: 16 })
        );
        assert_eq!(
            PhoneNumber::parse("+").unwrap_err().code(),
            "phone_number.invalid_length"
        );
    }

    #[test]
    fn given_unrecognized_shapes_when_parsing_then_invalid_format() {
        for input in [
            "+0612345678",
            "612345678",
            "061234567",
            "06123456789",
            "0012345678",
            "12345678901",
            "()",
        ] {
            assert_eq!(
                PhoneNumber::parse(input),
                Err(PhoneNumberError::InvalidFormat),
                "{input}"
            );
        }
        assert_eq!(
            PhoneNumberError::InvalidFormat.code(),
            "phone_number.invalid_format"
        );
    }

    #[test]
    fn given_phone_number_when_serialized_then_e164_string_validated_on_read() {
        let phone = PhoneNumber::parse("06 12 34 56 78").unwrap();
        assert_eq!(phone.to_string(), "+33612345678");
        assert_eq!(serde_json::to_string(&phone).unwrap(), "\"+33612345678\"");
        let back: PhoneNumber = serde_json::from_str("\"+33 6 12 34 56 78\"").unwrap();
        assert_eq!(back, phone);
        assert!(serde_json::from_str::<PhoneNumber>("\"hello\"").is_err());
    }
}
