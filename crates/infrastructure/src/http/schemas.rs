//! Named OpenAPI schemas of the text every context's requests share — an email, a phone
//! number, a person's name, a country, a new password — with the `pattern` of exactly
//! what the server accepts (see `sejour_core::value_objects::pattern`). Request DTOs point
//! at them with `#[schema(value_type = ...)]`; they are never built.

use std::borrow::Cow;

use sejour_core::value_objects::{CountryCode, Email, PersonName, PhoneNumber};
use serde_json::json;
use utoipa::{
    PartialSchema, ToSchema,
    openapi::{
        RefOr,
        extensions::Extensions,
        schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type},
    },
};

/// A string schema: `description`, `pattern`, one example.
pub fn text(description: &str, pattern: String, example: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .pattern(Some(pattern))
        .examples([json!(example)])
        .build()
        .into()
}

/// Declares a named string schema `$name` (a unit struct `$ty`) with its description,
/// pattern and example; every context's request DTOs use it for their parsed text.
#[macro_export]
macro_rules! text_schema {
    ($(#[$doc:meta])* $ty:ident as $name:literal: $description:literal, $pattern:expr, $example:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $ty;

        impl ::utoipa::PartialSchema for $ty {
            fn schema() -> ::utoipa::openapi::RefOr<::utoipa::openapi::schema::Schema> {
                $crate::http::schemas::text($description, $pattern, $example)
            }
        }

        impl ::utoipa::ToSchema for $ty {
            fn name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed($name)
            }
        }
    };
}

text_schema! {
    /// The schema `Email`: what `Email::parse` accepts.
    EmailSchema as "Email":
        "An email address: one `@`, a local part of 1 to 64 characters without spaces, and \
         a domain name whose last label is letters (at most 254 characters in all; \
         surrounding whitespace is ignored, the domain is kept in lower case).",
        Email::pattern(), "ada@example.com"
}

text_schema! {
    /// The schema `PhoneNumber`: what `PhoneNumber::parse` accepts.
    PhoneNumberSchema as "PhoneNumber":
        "A phone number: `+`, the country code and number (8 to 15 digits, `+44 20 7946 0958`, \
         a trunk `(0)` dropped), or a French national number (`06 12 34 56 78`); spaces, dots, \
         dashes and parentheses are ignored. Stored and shown in E.164 (`+33612345678`).",
        PhoneNumber::pattern(), "+33612345678"
}

text_schema! {
    /// The schema `PersonName`: what `PersonName::parse` accepts.
    PersonNameSchema as "PersonName":
        "A first or last name: 1 to 100 characters once trimmed, no control characters.",
        PersonName::pattern(), "Ada"
}

text_schema! {
    /// The schema `CountryCode`: what `CountryCode::parse` accepts.
    CountryCodeSchema as "CountryCode":
        "An ISO 3166-1 alpha-2 country code, in either case (stored in upper case).",
        CountryCode::pattern(), "FR"
}

/// The schema `NewPassword`: what the password policy accepts, but for its last rule
/// (the password must not contain the account's email), which ties two fields.
#[derive(Debug, Clone, Copy)]
pub struct NewPasswordSchema;

impl PartialSchema for NewPasswordSchema {
    fn schema() -> RefOr<Schema> {
        let not_common: Extensions = [(
            "not",
            json!({ "pattern": sejour_core::password::common_pattern() }),
        )]
        .into_iter()
        .collect();
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Password)))
            .write_only(Some(true))
            .description(Some(
                "A new password: 10 to 128 characters, not one of the commonest passwords \
                 (in any case), not containing the account's email (or its local part, from 4 \
                 characters).",
            ))
            .pattern(Some(sejour_core::value_objects::pattern::FREE_TEXT))
            .min_length(Some(sejour_core::password::MIN_LENGTH))
            .max_length(Some(sejour_core::password::MAX_LENGTH))
            .examples([json!("correct horse battery staple")])
            .extensions(Some(not_common))
            .build()
            .into()
    }
}

impl ToSchema for NewPasswordSchema {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("NewPassword")
    }
}
