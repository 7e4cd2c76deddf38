//! People's names, and the rule they obey (users, owners, guests).

use std::fmt;

/// The longest name accepted, in characters (after trimming).
pub const MAX_NAME_LENGTH: usize = 100;

/// Why a name was refused (each context gives it its code: `user.invalid_name`...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NameProblem {
    /// Nothing but whitespace.
    #[error("must not be empty")]
    Empty,
    /// Longer than [`MAX_NAME_LENGTH`] characters once trimmed.
    #[error("must be at most {max} characters long")]
    TooLong {
        /// The limit.
        max: usize,
    },
    /// Contains a control character (a newline, a tab, a NUL...).
    #[error("must not contain control characters")]
    ControlCharacter,
}

/// A first or last name: the rule "a name is trimmed, 1 to 100 characters long, with no
/// control characters", as a type. Past [`PersonName::parse`], a name obeys it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonName(String);

impl NameProblem {
    /// Trims `input` and checks "1 to `max` characters, no control characters": the rule
    /// of every name (a company's legal name too, with its own `max`).
    pub fn check(input: &str, max: usize) -> Result<String, NameProblem> {
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
}

impl PersonName {
    /// Trims `input` and checks the rule.
    pub fn parse(input: &str) -> Result<Self, NameProblem> {
        NameProblem::check(input, MAX_NAME_LENGTH).map(Self)
    }

    /// What [`PersonName::parse`] accepts, as a regular expression (see [`super::pattern`]).
    pub fn pattern() -> String {
        super::pattern::trimmed_text(MAX_NAME_LENGTH)
    }

    /// The name as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for PersonName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn given_surrounding_spaces_when_parsing_a_name_then_it_is_trimmed() {
        assert_eq!(PersonName::parse("  Zoé \n").unwrap().as_str(), "Zoé");
        assert_eq!(
            PersonName::parse("Jean-Éric O'Brien").unwrap().as_str(),
            "Jean-Éric O'Brien"
        );
    }

    #[test]
    fn given_blank_input_when_parsing_a_name_then_empty() {
        assert_eq!(PersonName::parse(""), Err(NameProblem::Empty));
        assert_eq!(PersonName::parse(" \t "), Err(NameProblem::Empty));
    }

    #[test]
    fn given_more_than_100_characters_when_parsing_a_name_then_too_long() {
        assert!(PersonName::parse(&"é".repeat(100)).is_ok());
        assert_eq!(
            PersonName::parse(&"é".repeat(101)),
            Err(NameProblem::TooLong { max: 100 })
        );
        // Surrounding spaces do not count.
        assert!(PersonName::parse(&format!("  {}  ", "a".repeat(100))).is_ok());
    }

    #[test]
    fn given_a_control_character_inside_when_parsing_a_name_then_refused() {
        for input in ["Ann\ne", "Ann\te", "Ann\u{0}e", "Ann\u{7f}e"] {
            assert_eq!(
                PersonName::parse(input),
                Err(NameProblem::ControlCharacter),
                "{input:?}"
            );
        }
    }
}
