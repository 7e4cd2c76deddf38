//! The rule every new password must pass: `PasswordMustBeStrong`.

use sejour_core::password::COMMON;
pub use sejour_core::password::{MAX_LENGTH, MIN_LENGTH};

/// Why a password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WeakPassword {
    /// Fewer than [`MIN_LENGTH`] characters.
    #[error("The password must have at least {MIN_LENGTH} characters.")]
    TooShort,
    /// More than [`MAX_LENGTH`] characters.
    #[error("The password must have at most {MAX_LENGTH} characters.")]
    TooLong,
    /// In the list of common passwords.
    #[error("This password is too common; choose another.")]
    TooCommon,
    /// Contains the account's email or its local part.
    #[error("The password must not contain your email address.")]
    ContainsEmail,
}

impl WeakPassword {
    /// The stable code of the rule that failed.
    pub fn code(self) -> &'static str {
        match self {
            WeakPassword::TooShort => "password.too_short",
            WeakPassword::TooLong => "password.too_long",
            WeakPassword::TooCommon => "password.too_common",
            WeakPassword::ContainsEmail => "password.contains_email",
        }
    }
}

/// `PasswordMustBeStrong`: long enough, not absurdly long, not common, not the email.
pub fn password_must_be_strong(password: &str, email: &str) -> Result<(), WeakPassword> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(WeakPassword::TooShort);
    }
    if length > MAX_LENGTH {
        return Err(WeakPassword::TooLong);
    }
    let lowered = password.to_lowercase();
    if COMMON.contains(&lowered.as_str()) {
        return Err(WeakPassword::TooCommon);
    }
    let local = email.split('@').next().unwrap_or_default().to_lowercase();
    if local.chars().count() >= 4 && lowered.contains(&local) {
        return Err(WeakPassword::ContainsEmail);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_a_long_unusual_password_when_checked_then_it_passes() {
        assert_eq!(
            password_must_be_strong("correct horse battery", "ana@example.com"),
            Ok(())
        );
    }

    #[test]
    fn given_nine_characters_when_checked_then_too_short() {
        assert_eq!(
            password_must_be_strong("abcdefgh1", "ana@example.com"),
            Err(WeakPassword::TooShort)
        );
        // Characters, not bytes.
        assert_eq!(
            password_must_be_strong("éééééééé1", "ana@example.com"),
            Err(WeakPassword::TooShort)
        );
    }

    #[test]
    fn given_a_common_password_in_any_case_when_checked_then_too_common() {
        assert_eq!(
            password_must_be_strong("Password123", "ana@example.com"),
            Err(WeakPassword::TooCommon)
        );
        assert_eq!(
            password_must_be_strong("AZERTYUIOP", "ana@example.com"),
            Err(WeakPassword::TooCommon)
        );
    }

    #[test]
    fn given_the_email_in_the_password_when_checked_then_refused() {
        assert_eq!(
            password_must_be_strong("marie.dupont-2026!", "marie.dupont@example.com"),
            Err(WeakPassword::ContainsEmail)
        );
    }

    #[test]
    fn given_129_characters_when_checked_then_too_long() {
        assert_eq!(
            password_must_be_strong(&"x".repeat(129), "a@b.fr"),
            Err(WeakPassword::TooLong)
        );
    }
}
