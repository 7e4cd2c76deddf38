//! E-mail addresses.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Longest address accepted, in characters (RFC 5321 path limit).
const MAX_LENGTH: usize = 254;
/// Longest local part (before the `@`) accepted, in characters.
const MAX_LOCAL_LENGTH: usize = 64;
/// Longest domain label accepted, in characters.
const MAX_LABEL_LENGTH: usize = 63;

/// Why an e-mail address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing but whitespace was given.
    #[error("e-mail address is empty")]
    Empty,
    /// The address is longer than 254 characters.
    #[error("e-mail address is longer than {max} characters")]
    TooLong {
        /// The limit.
        max: usize,
    },
    /// The address does not contain exactly one `@`.
    #[error("e-mail address must contain exactly one '@'")]
    InvalidFormat,
    /// The part before the `@` is empty, too long, or has spaces or control characters.
    #[error("e-mail address has an invalid local part (before the '@')")]
    InvalidLocalPart,
    /// The part after the `@` is not a valid domain name with a top-level domain.
    #[error("e-mail address has an invalid domain (after the '@')")]
    InvalidDomain,
}

impl EmailError {
    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "email.empty",
            Self::TooLong { .. } => "email.too_long",
            Self::InvalidFormat => "email.invalid_format",
            Self::InvalidLocalPart => "email.invalid_local_part",
            Self::InvalidDomain => "email.invalid_domain",
        }
    }
}

/// A syntactically valid e-mail address, trimmed, with its domain in lower case.
///
/// The local part is kept as typed. Serialized as a plain string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// Checks and normalizes `input` (surrounding whitespace is ignored).
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EmailError::Empty);
        }
        if trimmed.chars().count() > MAX_LENGTH {
            return Err(EmailError::TooLong { max: MAX_LENGTH });
        }
        let mut pieces = trimmed.split('@');
        let (Some(local), Some(domain), None) = (pieces.next(), pieces.next(), pieces.next())
        else {
            return Err(EmailError::InvalidFormat);
        };
        if !is_valid_local_part(local) {
            return Err(EmailError::InvalidLocalPart);
        }
        let domain = domain.to_ascii_lowercase();
        if !is_valid_domain(&domain) {
            return Err(EmailError::InvalidDomain);
        }
        Ok(Self(format!("{local}@{domain}")))
    }

    /// What [`Email::parse`] accepts, as a regular expression (see [`super::pattern`]):
    /// exactly, but for the limit of 254 characters on the whole address.
    pub fn pattern() -> String {
        use super::pattern::WHITESPACE;
        // Neither `@`, nor whitespace, nor a control character.
        let local =
            r"[^@\x00-\x20\x7f-\x9f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]";
        let label = format!(
            "[A-Za-z0-9](?:[A-Za-z0-9-]{{0,{}}}[A-Za-z0-9])?",
            MAX_LABEL_LENGTH - 2
        );
        format!(
            "^{WHITESPACE}*{local}{{1,{MAX_LOCAL_LENGTH}}}@(?:{label}\\.)+[A-Za-z]{{2,{MAX_LABEL_LENGTH}}}{WHITESPACE}*$"
        )
    }

    /// The address as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part before the `@`, as typed.
    pub fn local_part(&self) -> &str {
        self.0.split_once('@').map_or("", |(local, _)| local)
    }

    /// The part after the `@`, in lower case.
    pub fn domain(&self) -> &str {
        self.0.split_once('@').map_or("", |(_, domain)| domain)
    }
}

fn is_valid_local_part(local: &str) -> bool {
    !local.is_empty()
        && local.chars().count() <= MAX_LOCAL_LENGTH
        && !local.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn is_valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let Some(tld) = labels.last() else {
        return false;
    };
    labels.len() >= 2
        && labels.iter().all(|label| is_valid_label(label))
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
}

fn is_valid_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= MAX_LABEL_LENGTH
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for Email {
    type Err = EmailError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Email> for String {
    fn from(value: Email) -> Self {
        value.0
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn given_valid_addresses_when_parsing_then_accepted() {
        for input in [
            "alice@example.com",
            "Alice.Martin+sejour@mail.example.fr",
            "a@b.co",
            "o'brien@sub-domain.example.org",
            "x_y@123.example.travel",
        ] {
            let email = Email::parse(input).unwrap();
            assert_eq!(email.as_str(), input, "{input}");
        }
    }

    #[test]
    fn given_surrounding_spaces_and_upper_case_domain_when_parsing_then_normalized() {
        let email = Email::parse("  Alice.Martin@Example.COM \n").unwrap();
        assert_eq!(email.as_str(), "Alice.Martin@example.com");
        assert_eq!(email.local_part(), "Alice.Martin");
        assert_eq!(email.domain(), "example.com");
        assert_eq!(email.to_string(), "Alice.Martin@example.com");
        assert_eq!(email.as_ref(), "Alice.Martin@example.com");
    }

    #[test]
    fn given_empty_input_when_parsing_then_empty_error() {
        assert_eq!(Email::parse(""), Err(EmailError::Empty));
        assert_eq!(Email::parse("   "), Err(EmailError::Empty));
        assert_eq!(EmailError::Empty.code(), "email.empty");
    }

    #[test]
    fn given_wrong_number_of_at_signs_when_parsing_then_invalid_format() {
        for input in ["alice.example.com", "alice@@example.com", "a@b@example.com"] {
            assert_eq!(
                Email::parse(input),
                Err(EmailError::InvalidFormat),
                "{input}"
            );
        }
        assert_eq!(EmailError::InvalidFormat.code(), "email.invalid_format");
    }

    #[test]
    fn given_bad_local_part_when_parsing_then_invalid_local_part() {
        let too_long = format!("{}@example.com", "a".repeat(65));
        for input in [
            "@example.com",
            "al ice@example.com",
            "al\u{0007}ice@example.com",
            too_long.as_str(),
        ] {
            assert_eq!(
                Email::parse(input),
                Err(EmailError::InvalidLocalPart),
                "{input:?}"
            );
        }
        assert!(Email::parse(&format!("{}@example.com", "a".repeat(64))).is_ok());
    }

    #[test]
    fn given_bad_domain_when_parsing_then_invalid_domain() {
        for input in [
            "alice@",
            "alice@localhost",
            "alice@example.c",
            "alice@example.c0m",
            "alice@-example.com",
            "alice@example-.com",
            "alice@exa_mple.com",
            "alice@example..com",
            "alice@.example.com",
            "alice@example.com.",
            "alice@exämple.com",
            "alice@exa mple.com",
            "alice@example.123",
        ] {
            assert_eq!(
                Email::parse(input),
                Err(EmailError::InvalidDomain),
                "{input:?}"
            );
        }
        assert_eq!(EmailError::InvalidDomain.code(), "email.invalid_domain");
    }

    #[test]
    fn given_address_over_254_characters_when_parsing_then_too_long() {
        let labels = |last: usize| {
            format!(
                "alice@{}.{}.{}.{}.com",
                "a".repeat(61),
                "b".repeat(61),
                "c".repeat(61),
                "d".repeat(last)
            )
        };
        let longest = labels(58);
        assert_eq!(longest.len(), MAX_LENGTH);
        assert!(Email::parse(&longest).is_ok());

        let input = labels(59);
        let error = Email::parse(&input).unwrap_err();
        assert_eq!(error, EmailError::TooLong { max: 254 });
        assert_eq!(error.code(), "email.too_long");
    }

    #[test]
    fn given_email_when_serialized_then_plain_string_and_validated_on_read() {
        let email = Email::parse("bob@Example.org").unwrap();
        assert_eq!(
            serde_json::to_string(&email).unwrap(),
            "\"bob@example.org\""
        );
        let back: Email = serde_json::from_str("\"bob@example.org\"").unwrap();
        assert_eq!(back, email);
        assert!(serde_json::from_str::<Email>("\"not-an-email\"").is_err());
        assert!(serde_json::from_str::<Email>("42").is_err());
    }
}
