//! Authorisation: roles and the policy checks every handler calls.
//!
//! Two kinds of check, with the statuses of DESIGN.md §4:
//! - role checks ([`require_role`], [`require_staff`]): 401 when nobody is signed in,
//!   403 when the signed-in role may not do this;
//! - object checks ([`ensure_visible`]): 404 when the caller may not see the object, so
//!   that its existence does not leak.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Actor, AppError};

/// A user's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, including user and role management.
    Admin,
    /// Agency staff: runs properties, bookings, payments.
    Manager,
    /// A property owner: sees their own properties, bookings and statements.
    Owner,
    /// A guest: sees their own bookings, payments, contracts and conversations.
    Guest,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 4] = [Role::Admin, Role::Manager, Role::Owner, Role::Guest];

    /// The stored and serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Owner => "owner",
            Role::Guest => "guest",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether this is agency staff (admin or manager).
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Admin | Role::Manager)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The signed-in user, or 401.
pub fn require_user(actor: &Actor) -> Result<(Uuid, Role), AppError> {
    match actor {
        Actor::User { id, role } => Ok((*id, *role)),
        _ => Err(AppError::unauthenticated("Sign in to do this.")),
    }
}

/// The signed-in user if their role is one of `allowed`; 401 or 403 otherwise.
pub fn require_role(actor: &Actor, allowed: &[Role]) -> Result<(Uuid, Role), AppError> {
    let (id, role) = require_user(actor)?;
    if allowed.contains(&role) {
        Ok((id, role))
    } else {
        Err(AppError::forbidden())
    }
}

/// Agency staff (admin or manager); 401 or 403 otherwise.
pub fn require_staff(actor: &Actor) -> Result<(Uuid, Role), AppError> {
    require_role(actor, &[Role::Admin, Role::Manager])
}

/// An object whose visibility depends on who asks.
pub trait Visible {
    /// Whether `actor` may see this object.
    fn is_visible_to(&self, actor: &Actor) -> bool;
}

/// `object` if `actor` may see it, else 404 `<what>.not_found` (as if it did not exist).
pub fn ensure_visible<T: Visible>(actor: &Actor, object: T, what: &str) -> Result<T, AppError> {
    if object.is_visible_to(actor) {
        Ok(object)
    } else {
        Err(AppError::not_found(what))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn user(role: Role) -> Actor {
        Actor::User {
            id: Uuid::now_v7(),
            role,
        }
    }

    struct OwnedBy(Uuid);

    impl Visible for OwnedBy {
        fn is_visible_to(&self, actor: &Actor) -> bool {
            match actor {
                Actor::User { id, role } => role.is_staff() || *id == self.0,
                _ => false,
            }
        }
    }

    #[test]
    fn anonymous_callers_are_unauthenticated_and_wrong_roles_forbidden() {
        let kind = |r: Result<(Uuid, Role), AppError>| r.err().map(|e| e.kind);
        assert_eq!(
            kind(require_staff(&Actor::Anonymous)),
            Some(ErrorKind::Unauthenticated)
        );
        assert_eq!(
            kind(require_staff(&user(Role::Guest))),
            Some(ErrorKind::Forbidden)
        );
        assert_eq!(kind(require_staff(&user(Role::Manager))), None);
        assert_eq!(
            kind(require_role(&user(Role::Manager), &[Role::Admin])),
            Some(ErrorKind::Forbidden)
        );
    }

    #[test]
    fn an_object_someone_may_not_see_is_not_found() {
        let me = Uuid::now_v7();
        let mine = Actor::User {
            id: me,
            role: Role::Guest,
        };
        assert!(ensure_visible(&mine, OwnedBy(me), "reservation").is_ok());
        let err = ensure_visible(&user(Role::Guest), OwnedBy(me), "reservation").err();
        assert_eq!(
            err.map(|e| (e.kind, e.code.to_string())),
            Some((ErrorKind::NotFound, "reservation.not_found".into()))
        );
        assert!(ensure_visible(&user(Role::Admin), OwnedBy(me), "reservation").is_ok());
    }

    #[test]
    fn roles_round_trip_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
