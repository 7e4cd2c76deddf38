//! What the users domain refuses, each with a stable code.

use std::fmt;

use super::name::NameProblem;

/// Which name a [`NameViolation`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameField {
    /// The first (given) name.
    First,
    /// The last (family) name.
    Last,
}

impl fmt::Display for NameField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NameField::First => "first name",
            NameField::Last => "last name",
        })
    }
}

/// One name that breaks the name rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{field} {problem}")]
pub struct NameViolation {
    /// Which name.
    pub field: NameField,
    /// What is wrong with it.
    pub problem: NameProblem,
}

/// A rule of the users domain was broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserError {
    /// One or more names break the rule of [`super::PersonName`] (never an empty list).
    #[error("invalid name: {}", list(.0))]
    InvalidName(Vec<NameViolation>),
    /// An administrator tried to change their own role (they would demote themself).
    #[error("administrators cannot change their own role")]
    CannotChangeOwnRole,
    /// An administrator tried to disable their own account.
    #[error("administrators cannot disable their own account")]
    CannotDisableSelf,
}

impl UserError {
    /// Code of [`UserError::InvalidName`].
    pub const INVALID_NAME: &'static str = "user.invalid_name";
    /// Code of [`UserError::CannotChangeOwnRole`].
    pub const CANNOT_CHANGE_OWN_ROLE: &'static str = "user.cannot_change_own_role";
    /// Code of [`UserError::CannotDisableSelf`].
    pub const CANNOT_DISABLE_SELF: &'static str = "user.cannot_disable_self";

    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            UserError::InvalidName(_) => Self::INVALID_NAME,
            UserError::CannotChangeOwnRole => Self::CANNOT_CHANGE_OWN_ROLE,
            UserError::CannotDisableSelf => Self::CANNOT_DISABLE_SELF,
        }
    }
}

fn list(violations: &[NameViolation]) -> String {
    let all: Vec<String> = violations.iter().map(ToString::to_string).collect();
    all.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_each_error_when_asking_its_code_then_stable() {
        let name = UserError::InvalidName(vec![NameViolation {
            field: NameField::Last,
            problem: NameProblem::Empty,
        }]);
        assert_eq!(name.code(), "user.invalid_name");
        assert_eq!(
            name.to_string(),
            "invalid name: last name must not be empty"
        );
        assert_eq!(
            UserError::CannotChangeOwnRole.code(),
            "user.cannot_change_own_role"
        );
        assert_eq!(
            UserError::CannotDisableSelf.code(),
            "user.cannot_disable_self"
        );
    }
}
