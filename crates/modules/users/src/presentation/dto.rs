//! The JSON shapes of the users API (camelCase).

use axum::{
    http::{HeaderName, HeaderValue, header},
    response::{IntoResponse, Response},
};
use chrono::{DateTime, Utc};
use sejour_infrastructure::http::{
    Json,
    schemas::{EmailSchema, NewPasswordSchema, PersonNameSchema, PhoneNumberSchema},
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::domain::{Language, User};
use sejour_infrastructure::http::preconditions::etag;

pub use sejour_infrastructure::http::dto::UserRole;

/// The language we write to a user in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum UserLanguage {
    /// French.
    Fr,
    /// English.
    En,
}

impl From<Language> for UserLanguage {
    fn from(language: Language) -> Self {
        match language {
            Language::Fr => UserLanguage::Fr,
            Language::En => UserLanguage::En,
        }
    }
}

impl From<UserLanguage> for Language {
    fn from(language: UserLanguage) -> Self {
        match language {
            UserLanguage::Fr => Language::Fr,
            UserLanguage::En => Language::En,
        }
    }
}

/// A user account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserDto {
    /// The user's id.
    pub id: Uuid,
    /// Sign-in email.
    #[schema(example = "ada@example.com")]
    pub email: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Phone number in E.164 form, or null.
    #[schema(example = "+33612345678")]
    pub phone: Option<String>,
    /// Preferred language.
    pub language: UserLanguage,
    /// Role.
    pub role: UserRole,
    /// Disabled users cannot sign in.
    pub disabled: bool,
    /// When the account was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// The version, also sent as the `ETag`; present it in `If-Match` to update.
    pub version: i32,
}

impl From<&User> for UserDto {
    fn from(user: &User) -> Self {
        Self {
            id: user.id(),
            email: user.email().to_string(),
            first_name: user.first_name().to_string(),
            last_name: user.last_name().to_string(),
            phone: user.phone().map(ToString::to_string),
            language: user.language().into(),
            role: user.role().into(),
            disabled: user.is_disabled(),
            created_at: user.created_at(),
            updated_at: user.updated_at(),
            version: user.version(),
        }
    }
}

/// A user as a response: the JSON body with its `ETag`.
#[derive(Debug, Clone)]
pub struct UserResponse(pub UserDto);

impl From<&User> for UserResponse {
    fn from(user: &User) -> Self {
        Self(UserDto::from(user))
    }
}

impl UserResponse {
    /// The `ETag` header of this user.
    pub fn etag(&self) -> (HeaderName, HeaderValue) {
        (header::ETAG, etag(self.0.version))
    }
}

impl IntoResponse for UserResponse {
    fn into_response(self) -> Response {
        ([self.etag()], Json(self.0)).into_response()
    }
}

/// `PATCH /users/me`: the fields to change; an omitted field is left as it is.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"firstName": "Ada", "lastName": "Lovelace", "phone": "+33612345678", "language": "fr"}))]
pub struct UpdateMyProfileRequest {
    /// New first name (1–100 characters once trimmed).
    #[schema(value_type = Option<PersonNameSchema>)]
    pub first_name: Option<String>,
    /// New last name (1–100 characters once trimmed).
    #[schema(value_type = Option<PersonNameSchema>)]
    pub last_name: Option<String>,
    /// New phone number (international form, or French national form such as
    /// `06 12 34 56 78`); `null` removes it.
    #[serde(
        default,
        deserialize_with = "sejour_infrastructure::http::dto::present"
    )]
    #[schema(value_type = Option<PhoneNumberSchema>)]
    pub phone: Option<Option<String>>,
    /// New preferred language.
    pub language: Option<UserLanguage>,
}

/// `POST /users`: the account to create.
#[derive(Clone, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "email": "ada@example.com",
    "password": "correct horse battery staple",
    "firstName": "Ada",
    "lastName": "Lovelace",
    "role": "manager"
}))]
pub struct CreateUserRequest {
    /// Sign-in email; unique, case-insensitively.
    #[schema(value_type = EmailSchema)]
    pub email: String,
    /// The first password: 10 to 128 characters, not a common password, not containing
    /// the email.
    #[schema(value_type = NewPasswordSchema)]
    pub password: String,
    /// First name (1–100 characters once trimmed).
    #[schema(value_type = PersonNameSchema)]
    pub first_name: String,
    /// Last name (1–100 characters once trimmed).
    #[schema(value_type = PersonNameSchema)]
    pub last_name: String,
    /// The role to give.
    pub role: UserRole,
}

/// `PATCH /users/{id}`: the fields to change; an omitted field is left as it is.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateUserRequest {
    /// A new role. Administrators cannot change their own.
    pub role: Option<UserRole>,
    /// `true` disables the account (administrators cannot disable their own), `false`
    /// enables it again.
    pub disabled: Option<bool>,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn parse(json: &str) -> UpdateMyProfileRequest {
        sejour_infrastructure::http::extract::from_slice(json.as_bytes()).unwrap()
    }

    #[test]
    fn an_omitted_phone_is_unchanged_a_null_one_cleared_a_given_one_set() {
        assert_eq!(parse("{}").phone, None);
        assert_eq!(parse(r#"{"phone": null}"#).phone, Some(None));
        assert_eq!(
            parse(r#"{"phone": "+33612345678"}"#).phone,
            Some(Some("+33612345678".to_owned()))
        );
    }

    #[test]
    fn fields_are_camel_case_and_enums_lower_case() {
        let request = parse(r#"{"firstName": "Ada", "lastName": "L", "language": "en"}"#);
        assert_eq!(request.first_name.as_deref(), Some("Ada"));
        assert_eq!(request.last_name.as_deref(), Some("L"));
        assert_eq!(request.language, Some(UserLanguage::En));
        assert!(
            sejour_infrastructure::http::extract::from_slice::<UpdateMyProfileRequest>(
                br#"{"language": "de"}"#
            )
            .is_err()
        );
    }
}
