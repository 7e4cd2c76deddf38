//! The users context's use cases and published interface.
//!
//! - [`directory`]: the published interface other contexts (auth) call, and the
//!   [`directory::Credentials`] port the auth context implements for us.
//! - [`commands`]: `update_my_profile`, `create_user`, `update_user`.
//! - [`queries`]: `get_me`, `get_user`, `list_users`.
//! - [`event_types`]: the names of the events we publish, for subscribers.
//!
//! Use cases authorise the actor of the [`sejour_core::Ctx`] with [`sejour_core::authz`],
//! go through [`crate::infrastructure::PgUserRepository`], and return
//! [`sejour_core::AppError`]s.

pub mod commands;
pub mod directory;
pub mod event_types;
pub mod queries;

use sejour_core::{AppError, ErrorKind, FieldError};

use crate::domain::{NameField, User, UserError};

/// Code of the 412 answered when the presented version is not the stored one.
pub const VERSION_MISMATCH: &str = "user.version_mismatch";
/// Code of the 409 answered when the email already belongs to an account.
pub const EMAIL_TAKEN: &str = "user.email_taken";

/// The 412 `user.version_mismatch`.
pub fn version_mismatch() -> AppError {
    AppError::new(
        ErrorKind::PreconditionFailed,
        VERSION_MISMATCH,
        "The user was changed since you read it; read it again and retry.",
    )
}

/// The 409 `user.email_taken`.
pub fn email_taken() -> AppError {
    AppError::conflict(EMAIL_TAKEN, "An account already uses this email address.")
}

/// 412 unless `expected` (from `If-Match`), when given, is `user`'s version.
pub(crate) fn ensure_version(user: &User, expected: Option<i32>) -> Result<(), AppError> {
    match expected {
        Some(version) if version != user.version() => Err(version_mismatch()),
        _ => Ok(()),
    }
}

/// The JSON name of a name field.
fn name_field(field: NameField) -> &'static str {
    match field {
        NameField::First => "firstName",
        NameField::Last => "lastName",
    }
}

/// The field errors a domain error stands for (none for rules that are not about a field).
pub(crate) fn field_errors(error: &UserError) -> Vec<FieldError> {
    match error {
        UserError::InvalidName(violations) => violations
            .iter()
            .map(|v| FieldError::new(name_field(v.field), UserError::INVALID_NAME, v.to_string()))
            .collect(),
        UserError::CannotChangeOwnRole | UserError::CannotDisableSelf => Vec::new(),
    }
}

impl From<UserError> for AppError {
    fn from(error: UserError) -> Self {
        match &error {
            UserError::InvalidName(_) => AppError::validation(field_errors(&error)),
            UserError::CannotChangeOwnRole | UserError::CannotDisableSelf => {
                AppError::rule(error.code(), error.to_string())
            }
        }
    }
}
