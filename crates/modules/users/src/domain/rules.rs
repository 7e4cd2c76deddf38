//! The users domain's named rules. Each reads like the rule, is checked inside the
//! [`super::User`] method that could break it, and fails with its own error code.

use sejour_core::{BusinessRule, Role};
use uuid::Uuid;

use super::{
    errors::{NameField, NameViolation, UserError},
    name::PersonName,
};

/// "An administrator cannot change their own role": nobody demotes themself by mistake,
/// and the last administrator can never lock the agency out of user management.
/// Code `user.cannot_change_own_role`.
#[derive(Debug, Clone, Copy)]
pub struct AdminCannotChangeOwnRole {
    /// Who makes the change.
    pub actor: Uuid,
    /// Whose role changes.
    pub user: Uuid,
    /// Their current role.
    pub from: Role,
    /// The new role.
    pub to: Role,
}

impl BusinessRule for AdminCannotChangeOwnRole {
    type Error = UserError;

    fn is_broken(&self) -> bool {
        self.actor == self.user && self.from != self.to
    }

    fn error(&self) -> UserError {
        UserError::CannotChangeOwnRole
    }
}

/// "An administrator cannot disable their own account", for the same reasons.
/// Code `user.cannot_disable_self`.
#[derive(Debug, Clone, Copy)]
pub struct AdminCannotDisableThemself {
    /// Who disables.
    pub actor: Uuid,
    /// Who is disabled.
    pub user: Uuid,
}

impl BusinessRule for AdminCannotDisableThemself {
    type Error = UserError;

    fn is_broken(&self) -> bool {
        self.actor == self.user
    }

    fn error(&self) -> UserError {
        UserError::CannotDisableSelf
    }
}

/// The rule "names are trimmed, 1 to 100 characters, without control characters" on
/// each given name; every violation is listed (code `user.invalid_name`).
pub fn names_must_be_valid(
    first: Option<&str>,
    last: Option<&str>,
) -> Result<(Option<PersonName>, Option<PersonName>), UserError> {
    let mut violations = Vec::new();
    let mut check = |field, raw: Option<&str>| {
        raw.and_then(|raw| {
            PersonName::parse(raw)
                .map_err(|problem| violations.push(NameViolation { field, problem }))
                .ok()
        })
    };
    let first = check(NameField::First, first);
    let last = check(NameField::Last, last);
    if violations.is_empty() {
        Ok((first, last))
    } else {
        Err(UserError::InvalidName(violations))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use sejour_core::check_rule;

    use super::*;
    use crate::domain::NameProblem;

    #[test]
    fn given_an_admin_changing_someone_elses_role_when_checked_then_allowed() {
        let rule = AdminCannotChangeOwnRole {
            actor: Uuid::from_u128(1),
            user: Uuid::from_u128(2),
            from: Role::Guest,
            to: Role::Admin,
        };
        assert!(check_rule(rule).is_ok());
    }

    #[test]
    fn given_an_admin_changing_their_own_role_when_checked_then_broken_unless_unchanged() {
        let me = Uuid::from_u128(1);
        let demote = AdminCannotChangeOwnRole {
            actor: me,
            user: me,
            from: Role::Admin,
            to: Role::Manager,
        };
        assert_eq!(check_rule(demote), Err(UserError::CannotChangeOwnRole));
        let same = AdminCannotChangeOwnRole {
            to: Role::Admin,
            ..demote
        };
        assert!(check_rule(same).is_ok());
    }

    #[test]
    fn given_an_admin_disabling_themself_when_checked_then_broken() {
        let me = Uuid::from_u128(1);
        let rule = AdminCannotDisableThemself {
            actor: me,
            user: me,
        };
        assert_eq!(check_rule(rule), Err(UserError::CannotDisableSelf));
        let other = AdminCannotDisableThemself {
            actor: me,
            user: Uuid::from_u128(2),
        };
        assert!(check_rule(other).is_ok());
    }

    #[test]
    fn given_two_bad_names_when_checked_then_both_are_reported() {
        let err = names_must_be_valid(Some(" "), Some("a\nb")).unwrap_err();
        assert_eq!(
            err,
            UserError::InvalidName(vec![
                NameViolation {
                    field: NameField::First,
                    problem: NameProblem::Empty
                },
                NameViolation {
                    field: NameField::Last,
                    problem: NameProblem::ControlCharacter
                },
            ])
        );
        let (first, last) = names_must_be_valid(Some(" Ada "), None).unwrap();
        assert_eq!(first.unwrap().as_str(), "Ada");
        assert!(last.is_none());
    }
}
