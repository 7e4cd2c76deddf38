//! Update my profile: the signed-in user changes their names, phone and language.

use sejour_core::{
    AppError, Ctx, FieldError, authz::require_user, ensure_version, value_objects::PhoneNumber,
};

use crate::{
    application::{Users, field_errors},
    domain::{Language, ProfileChanges, rules::names_must_be_valid},
};

/// The changes to the signed-in user's profile; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpdateMyProfileCommand {
    /// A new first name.
    pub first_name: Option<String>,
    /// A new last name.
    pub last_name: Option<String>,
    /// A new phone number (international, or French national form), or `Some(None)` to
    /// remove it.
    pub phone: Option<Option<String>>,
    /// A new preferred language.
    pub language: Option<Language>,
    /// The version the caller read (`If-Match`); the update is refused with 412 if the
    /// profile changed since. `None`: no check.
    pub expected_version: Option<i32>,
}

impl TryFrom<UpdateMyProfileCommand> for ProfileChanges {
    type Error = AppError;

    /// Parses the command, listing every invalid field (`firstName`, `lastName`, `phone`).
    fn try_from(command: UpdateMyProfileCommand) -> Result<Self, AppError> {
        let mut errors = Vec::new();
        if let Err(error) =
            names_must_be_valid(command.first_name.as_deref(), command.last_name.as_deref())
        {
            errors.extend(field_errors(&error));
        }
        let phone = match command.phone {
            Some(Some(raw)) => match PhoneNumber::parse(&raw) {
                Ok(phone) => Some(Some(phone)),
                Err(error) => {
                    errors.push(FieldError::new("phone", error.code(), error.to_string()));
                    None
                }
            },
            other => other.map(|_| None),
        };
        if !errors.is_empty() {
            return Err(AppError::validation(errors));
        }
        Ok(ProfileChanges {
            first_name: command.first_name,
            last_name: command.last_name,
            phone,
            language: command.language,
        })
    }
}

/// Applies `command` to the signed-in user's profile (401 when nobody is signed in, 422
/// on invalid fields, 412 on a stale version), publishing `users.UserProfileUpdated`
/// when something changed.
#[doc(alias = "UpdateMyProfileHandler")]
pub async fn update_my_profile(
    app: &Users,
    ctx: &Ctx,
    command: UpdateMyProfileCommand,
) -> Result<(), AppError> {
    let (me, _) = require_user(&ctx.actor)?;
    let expected_version = command.expected_version;
    let changes = ProfileChanges::try_from(command)?;
    let mut tx = app.uow.begin().await?;
    let mut user = app
        .users
        .find_by_id_for_update(&mut tx, me)
        .await?
        .ok_or_else(|| AppError::not_found("user"))?;
    ensure_version("user", user.version(), expected_version)?;
    user.update_profile(changes, app.clock.now())?;
    app.users.update(&mut tx, ctx, &mut user).await?;
    app.uow.commit(tx).await?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn given_bad_names_and_phone_when_parsing_then_every_field_is_listed() {
        let command = UpdateMyProfileCommand {
            first_name: Some(" ".into()),
            last_name: Some("x".repeat(101)),
            phone: Some(Some("12345".into())),
            ..UpdateMyProfileCommand::default()
        };
        let err = ProfileChanges::try_from(command).unwrap_err();
        assert_eq!(err.code, "validation.failed");
        let fields: Vec<(&str, &str)> = err
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_ref()))
            .collect();
        assert_eq!(
            fields,
            [
                ("firstName", "user.invalid_name"),
                ("lastName", "user.invalid_name"),
                ("phone", "phone_number.invalid_format"),
            ]
        );
    }

    #[test]
    fn given_a_null_phone_when_parsing_then_it_clears_and_an_absent_one_keeps() {
        let clear = UpdateMyProfileCommand {
            phone: Some(None),
            ..UpdateMyProfileCommand::default()
        };
        assert_eq!(ProfileChanges::try_from(clear).unwrap().phone, Some(None));
        let keep = UpdateMyProfileCommand::default();
        assert_eq!(ProfileChanges::try_from(keep).unwrap().phone, None);
        let set = UpdateMyProfileCommand {
            phone: Some(Some("06 12 34 56 78".into())),
            ..UpdateMyProfileCommand::default()
        };
        assert_eq!(
            ProfileChanges::try_from(set).unwrap().phone,
            Some(Some(PhoneNumber::parse("+33612345678").unwrap()))
        );
    }
}
