//! Owners' names: a person's first and last names, a company's legal name.

use std::fmt;

/// The longest legal name accepted, in characters (after trimming).
pub const MAX_LEGAL_NAME_LENGTH: usize = 200;

pub use sejour_core::value_objects::{NameProblem, PersonName};

/// The code of every problem with an owner's names.
pub const INVALID_NAME: &str = "owner.invalid_name";

/// A company's legal name (raison sociale): trimmed, 1 to 200 characters, printable.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LegalName(String);

impl LegalName {
    /// Trims `input` and checks the rule.
    pub fn parse(input: &str) -> Result<Self, NameProblem> {
        NameProblem::check(input, MAX_LEGAL_NAME_LENGTH).map(Self)
    }

    /// What [`LegalName::parse`] accepts, as a regular expression (the OpenAPI `pattern`).
    pub fn pattern() -> String {
        sejour_core::value_objects::pattern::trimmed_text(MAX_LEGAL_NAME_LENGTH)
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
