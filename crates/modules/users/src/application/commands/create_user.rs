//! Create a user: an administrator opens an account with a role and a first password.

use std::fmt;

use sejour_core::{AppError, Ctx, FieldError, Role, authz::require_role, value_objects::Email};
use uuid::Uuid;

use crate::{
    application::{Users, field_errors},
    domain::{User, rules::names_must_be_valid},
};

/// The account to create.
#[derive(Clone, PartialEq, Eq)]
pub struct CreateUserCommand {
    /// Sign-in email; unique, case-insensitively.
    pub email: String,
    /// The first password, checked by the auth context's password policy.
    pub password: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// The role to give.
    pub role: Role,
}

impl fmt::Debug for CreateUserCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreateUserCommand")
            .field("email", &self.email)
            .field("password", &"[redacted]")
            .field("first_name", &self.first_name)
            .field("last_name", &self.last_name)
            .field("role", &self.role)
            .finish()
    }
}

/// Creates the account and sets its password in one transaction, publishing
/// `users.UserCreated`; returns the new user's id.
///
/// Administrators only (401/403). 422 listing every invalid field (`email`, `firstName`,
/// `lastName`; `password` when the policy refuses it), 409 `user.email_taken`. Whatever
/// fails, no account is left behind.
#[doc(alias = "CreateUserHandler")]
pub async fn create_user(
    app: &Users,
    ctx: &Ctx,
    command: CreateUserCommand,
) -> Result<Uuid, AppError> {
    require_role(&ctx.actor, &[Role::Admin])?;
    let email = validate(&command)?;
    let mut user = User::register(
        app.ids.new_id(),
        email,
        &command.first_name,
        &command.last_name,
        command.role,
        app.clock.now(),
    )?;
    let mut tx = app.uow.begin().await?;
    app.users.insert(&mut tx, ctx, &mut user).await?;
    // Same transaction: a password the policy refuses rolls the account back.
    app.credentials
        .set_password(&mut tx, user.id(), &command.password)
        .await?;
    app.uow.commit(tx).await?;
    tracing::info!(user_id = %user.id(), role = %user.role(), "user created by an administrator");
    Ok(user.id())
}

/// The parsed email, or every invalid field.
fn validate(command: &CreateUserCommand) -> Result<Email, AppError> {
    let mut errors = Vec::new();
    let email = Email::parse(&command.email)
        .map_err(|e| errors.push(FieldError::new("email", e.code(), e.to_string())))
        .ok();
    if let Err(error) = names_must_be_valid(Some(&command.first_name), Some(&command.last_name)) {
        errors.extend(field_errors(&error));
    }
    match email {
        Some(email) if errors.is_empty() => Ok(email),
        _ => Err(AppError::validation(errors)),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn command() -> CreateUserCommand {
        CreateUserCommand {
            email: "new@example.com".into(),
            password: "correct horse battery staple".into(),
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            role: Role::Manager,
        }
    }

    #[test]
    fn given_a_bad_email_and_name_when_validating_then_both_are_listed() {
        let err = validate(&CreateUserCommand {
            email: "nope".into(),
            last_name: "\u{7}".into(),
            ..command()
        })
        .unwrap_err();
        let fields: Vec<(&str, &str)> = err
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_ref()))
            .collect();
        assert_eq!(
            fields,
            [
                ("email", "email.invalid_format"),
                ("lastName", "user.invalid_name")
            ]
        );
    }

    #[test]
    fn given_a_command_when_debug_printed_then_the_password_is_redacted() {
        let printed = format!("{:?}", command());
        assert!(!printed.contains("horse"), "{printed}");
        assert!(printed.contains("[redacted]"));
    }
}
