//! The owners context's use cases and published interface.
//!
//! - [`directory`]: [`directory::OwnerDirectory`], the published interface other contexts
//!   (properties) call.
//! - [`commands`]: `create_owner`, `update_owner`, `link_owner_user`.
//! - [`queries`]: `get_owner`, `list_owners`.
//! - [`input`]: the raw fields of the commands, parsed into value objects with every
//!   invalid field listed.
//! - [`event_types`]: the names of the events we publish, for subscribers.
//!
//! Use cases authorise the actor of the [`sejour_core::Ctx`] with [`sejour_core::authz`],
//! go through [`crate::infrastructure::PgOwnerRepository`], and return
//! [`sejour_core::AppError`]s.

pub mod commands;
pub mod directory;
pub mod event_types;
pub mod input;
pub mod queries;

use sejour_core::{AppError, ErrorKind, FieldError};

use crate::domain::{Owner, OwnerError};

/// Code of the 412 answered when the presented version is not the stored one.
pub const VERSION_MISMATCH: &str = "owner.version_mismatch";
/// Code of the 409 answered when the user account already stands for another owner.
pub const USER_ALREADY_LINKED: &str = "owner.user_already_linked";
/// Code of the 409 answered when another owner has the same SIRET.
pub const SIRET_TAKEN: &str = "owner.siret_taken";

/// The 412 `owner.version_mismatch`.
pub fn version_mismatch() -> AppError {
    AppError::new(
        ErrorKind::PreconditionFailed,
        VERSION_MISMATCH,
        "The owner was changed since you read it; read it again and retry.",
    )
}

/// The 409 `owner.user_already_linked`.
pub fn user_already_linked() -> AppError {
    let mut err = AppError::conflict(
        USER_ALREADY_LINKED,
        "This user account is already linked to another owner.",
    );
    err.errors = vec![FieldError::new(
        "userId",
        USER_ALREADY_LINKED,
        "already linked to another owner",
    )];
    err
}

/// The 409 `owner.siret_taken`.
pub fn siret_taken() -> AppError {
    let mut err = AppError::conflict(SIRET_TAKEN, "Another owner already has this SIRET.");
    err.errors = vec![FieldError::new(
        "siret",
        SIRET_TAKEN,
        "another owner already has this SIRET",
    )];
    err
}

/// 412 unless `expected` (from `If-Match`), when given, is `owner`'s version.
pub(crate) fn ensure_version(owner: &Owner, expected: Option<i32>) -> Result<(), AppError> {
    match expected {
        Some(version) if version != owner.version() => Err(version_mismatch()),
        _ => Ok(()),
    }
}

/// A broken rule is a 422 with the rule's code, naming the field at fault.
impl From<OwnerError> for AppError {
    fn from(error: OwnerError) -> Self {
        let mut err = AppError::rule(error.code(), error.to_string());
        err.errors = vec![FieldError::new(
            error.field(),
            error.code(),
            error.to_string(),
        )];
        err
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_a_broken_rule_when_converted_then_422_with_its_code_and_field() {
        let err = AppError::from(OwnerError::UserNotOwnerRole);
        assert_eq!(err.kind, ErrorKind::Unprocessable);
        assert_eq!(err.code, "owner.user_not_owner_role");
        assert_eq!(err.errors.len(), 1);
        assert_eq!(err.errors[0].field, "userId");
        assert_eq!(siret_taken().kind, ErrorKind::Conflict);
        assert_eq!(user_already_linked().errors[0].field, "userId");
    }
}
