//! The users context's use cases and published interface.
//!
//! - [`directory`]: the published interface other contexts (auth) call, and the
//!   [`directory::Credentials`] port the auth context implements for us.
//! - [`commands`]: `update_my_profile`, `create_user`, `update_user`.
//! - [`queries`]: `get_me`, `get_user`, `list_users`.
//!
//! Use cases run on [`Users`]: they authorise the actor of the [`sejour_core::Ctx`] with
//! [`sejour_core::authz`], go through the domain's [`UserRepository`] port inside a
//! [`UnitOfWork`] transaction, and return [`sejour_core::AppError`]s.

pub mod commands;
pub mod directory;
pub mod queries;

use std::sync::Arc;

use sejour_core::{AppError, Clock, FieldError, IdGenerator, UnitOfWork};

use crate::domain::{NameField, UserError, UserRepository};
use directory::Credentials;

/// Code of the 409 answered when the email already belongs to an account.
pub const EMAIL_TAKEN: &str = "user.email_taken";

/// The 409 `user.email_taken`.
pub fn email_taken() -> AppError {
    AppError::conflict(EMAIL_TAKEN, "An account already uses this email address.")
}

/// The users context's use cases and the ports they run on, built by the composition
/// root (`crate::use_cases`).
#[derive(Clone)]
pub struct Users {
    /// The accounts.
    pub users: Arc<dyn UserRepository>,
    /// Business transactions.
    pub uow: Arc<dyn UnitOfWork>,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Identity.
    pub ids: Arc<dyn IdGenerator>,
    /// Password storage, owned by the auth context (for "create a user").
    pub credentials: Arc<dyn Credentials>,
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
