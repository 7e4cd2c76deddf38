//! SIRET numbers: the French identifier of a company's establishment.

use std::fmt;

/// Digits in a SIRET.
pub const SIRET_LENGTH: usize = 14;
/// Digits in a SIREN (the company part, the first nine of a SIRET).
pub const SIREN_LENGTH: usize = 9;
/// La Poste's SIREN: its establishments' numbers are not Luhn numbers (INSEE's
/// exception); the sum of their digits is a multiple of 5 instead.
pub const LA_POSTE_SIREN: &str = "356000000";

/// Why a SIRET was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SiretError {
    /// Not exactly 14 digits (spaces aside).
    #[error("a SIRET is 14 digits")]
    InvalidFormat,
    /// 14 digits that fail the Luhn check (and are not one of La Poste's).
    #[error("this SIRET's check digit is wrong (Luhn)")]
    InvalidChecksum,
}

impl SiretError {
    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            SiretError::InvalidFormat => "siret.invalid_format",
            SiretError::InvalidChecksum => "siret.invalid_checksum",
        }
    }
}

/// A SIRET (SIREN + NIC, 14 digits) whose check digit is right: the Luhn rule, or, for
/// La Poste's establishments (SIREN [`LA_POSTE_SIREN`]), a digit sum that is a multiple
/// of 5. Stored and shown as the 14 digits, without spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Siret(String);

impl Siret {
    /// Parses `input`, ignoring whitespace (`732 829 320 00074` is accepted).
    pub fn parse(input: &str) -> Result<Self, SiretError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() != SIRET_LENGTH || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(SiretError::InvalidFormat);
        }
        let valid = is_luhn_valid(&digits)
            || (digits.starts_with(LA_POSTE_SIREN) && digit_sum(&digits).is_multiple_of(5));
        if valid {
            Ok(Self(digits))
        } else {
            Err(SiretError::InvalidChecksum)
        }
    }

    /// What [`Siret::parse`] accepts, as a regular expression (the OpenAPI `pattern`;
    /// see `sejour_core::value_objects::pattern`): 14 digits, whitespace anywhere — all
    /// but the Luhn check.
    pub fn pattern() -> String {
        use sejour_core::value_objects::pattern::WHITESPACE;
        format!("^{WHITESPACE}*(?:[0-9]{WHITESPACE}*){{{SIRET_LENGTH}}}$")
    }

    /// The 14 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The SIREN: the company's 9 digits.
    pub fn siren(&self) -> &str {
        self.0.get(..SIREN_LENGTH).unwrap_or_default()
    }

    /// The NIC: the establishment's 5 digits.
    pub fn nic(&self) -> &str {
        self.0.get(SIREN_LENGTH..).unwrap_or_default()
    }
}

impl fmt::Display for Siret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether the ASCII digits `digits` pass the Luhn check (every second digit from the
/// right doubled, digits of the products summed, total a multiple of 10).
pub fn is_luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn digit_sum(digits: &str) -> u32 {
    digits.bytes().map(|b| u32::from(b - b'0')).sum()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn given_real_sirets_when_parsing_then_accepted_with_siren_and_nic() {
        let siret = Siret::parse("73282932000074").unwrap();
        assert_eq!(siret.siren(), "732829320");
        assert_eq!(siret.nic(), "00074");
        // Spaces as printed on invoices are ignored.
        assert_eq!(
            Siret::parse(" 753 805 035 00031 ").unwrap().as_str(),
            "75380503500031"
        );
        assert!(Siret::parse("44306184100047").is_ok());
    }

    #[test]
    fn given_a_wrong_check_digit_when_parsing_then_invalid_checksum() {
        for bad in ["73282932000075", "73282932000064", "75380503500032"] {
            let err = Siret::parse(bad).unwrap_err();
            assert_eq!(err, SiretError::InvalidChecksum, "{bad}");
            assert_eq!(err.code(), "siret.invalid_checksum");
        }
    }

    #[test]
    fn given_not_fourteen_digits_when_parsing_then_invalid_format() {
        for bad in [
            "",
            "7328293200007",
            "732829320000740",
            "7328293200007A",
            "73282932-000074",
        ] {
            let err = Siret::parse(bad).unwrap_err();
            assert_eq!(err, SiretError::InvalidFormat, "{bad}");
            assert_eq!(err.code(), "siret.invalid_format");
        }
    }

    #[test]
    fn given_la_poste_when_parsing_then_the_digit_sum_rule_applies() {
        // Not a Luhn number, but its digits sum to 45: one of La Poste's establishments.
        assert!(!is_luhn_valid("35600000049837"));
        assert!(Siret::parse("35600000049837").is_ok());
        // La Poste's head office is a Luhn number and stays valid.
        assert!(Siret::parse("35600000000048").is_ok());
        // Neither Luhn nor a multiple of 5.
        assert_eq!(
            Siret::parse("35600000049838"),
            Err(SiretError::InvalidChecksum)
        );
        // The exception is La Poste's only: the same digit sum elsewhere is no excuse.
        assert!(!is_luhn_valid("73282932000077"));
        assert_eq!(digit_sum("73282932000077") % 5, 0);
        assert_eq!(
            Siret::parse("73282932000077"),
            Err(SiretError::InvalidChecksum)
        );
    }

    #[test]
    fn given_luhn_numbers_when_checking_then_the_reference_examples_hold() {
        assert!(is_luhn_valid("79927398713"));
        assert!(!is_luhn_valid("79927398710"));
        assert!(is_luhn_valid("732829320"));
    }
}
