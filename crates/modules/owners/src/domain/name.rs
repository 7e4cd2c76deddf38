//! Owners' names: a person's first and last names, a company's legal name.

use std::fmt;

/// The longest first or last name accepted, in characters (after trimming).
pub const MAX_PERSON_NAME_LENGTH: usize = 100;
/// The longest legal name accepted, in characters (after trimming).
pub const MAX_LEGAL_NAME_LENGTH: usize = 200;

/// Why a name was refused (code `owner.invalid_name` for all of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NameProblem {
    /// Nothing but whitespace.
    #[error("must not be empty")]
    Empty,
    /// Longer than allowed once trimmed.
    #[error("must be at most {max} characters long")]
    TooLong {
        /// The limit.
        max: usize,
    },
    /// Contains a control character (a newline, a tab, a NUL...).
    #[error("must not contain control characters")]
    ControlCharacter,
}

impl NameProblem {
    /// The code of every name problem.
    pub const CODE: &'static str = "owner.invalid_name";
}

/// Trims `input` and checks "1 to `max` characters, no control characters".
fn checked(input: &str, max: usize) -> Result<String, NameProblem> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(NameProblem::Empty);
    }
    if trimmed.chars().count() > max {
        return Err(NameProblem::TooLong { max });
    }
    if trimmed.chars().any(char::is_control) {
        return Err(NameProblem::ControlCharacter);
    }
    Ok(trimmed.to_owned())
}

/// A person's first or last name: trimmed, 1 to 100 characters, printable.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonName(String);

impl PersonName {
    /// Trims `input` and checks the rule.
    pub fn parse(input: &str) -> Result<Self, NameProblem> {
        checked(input, MAX_PERSON_NAME_LENGTH).map(Self)
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A company's legal name (raison sociale): trimmed, 1 to 200 characters, printable.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LegalName(String);

impl LegalName {
    /// Trims `input` and checks the rule.
    pub fn parse(input: &str) -> Result<Self, NameProblem> {
        checked(input, MAX_LEGAL_NAME_LENGTH).map(Self)
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LegalName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn given_padded_names_when_parsing_then_trimmed() {
        assert_eq!(PersonName::parse("  Zoé ").unwrap().as_str(), "Zoé");
        assert_eq!(
            LegalName::parse(" SCI Les Oliviers ").unwrap().to_string(),
            "SCI Les Oliviers"
        );
    }

    #[test]
    fn given_bad_names_when_parsing_then_each_problem_is_named() {
        assert_eq!(PersonName::parse(" "), Err(NameProblem::Empty));
        assert_eq!(
            PersonName::parse(&"é".repeat(101)),
            Err(NameProblem::TooLong { max: 100 })
        );
        assert!(LegalName::parse(&"é".repeat(200)).is_ok());
        assert_eq!(
            LegalName::parse(&"é".repeat(201)),
            Err(NameProblem::TooLong { max: 200 })
        );
        assert_eq!(
            LegalName::parse("SCI\nX"),
            Err(NameProblem::ControlCharacter)
        );
    }
}
