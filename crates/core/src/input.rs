//! Parsing what a client typed into value objects — parse, don't validate — with every
//! invalid field listed at once (422 `validation.failed`), named as the API names it
//! (`email`, `guest.address.postalCode`...). Shared by the contexts' commands.

use std::fmt::Display;

use crate::{
    AppError, FieldError,
    value_objects::{CountryCode, PostalAddress},
};

/// A postal address as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressInput {
    /// Number and street.
    pub line1: String,
    /// Building, floor...
    pub line2: Option<String>,
    /// Postal code (five digits in France).
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Region, state or province.
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
}

/// The invalid fields found so far.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    /// Adds a problem with `field`.
    pub fn push(&mut self, field: impl Into<String>, code: &'static str, message: impl Display) {
        self.0
            .push(FieldError::new(field, code, message.to_string()));
    }

    /// The value of `result`, or `None` after noting its error against `field`.
    pub fn check<T, E: Display>(
        &mut self,
        field: &str,
        result: Result<T, E>,
        code: impl Fn(&E) -> &'static str,
    ) -> Option<T> {
        result.map_err(|e| self.push(field, code(&e), &e)).ok()
    }

    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when no problem was found, else the 422 listing them.
    pub fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::validation(self.0))
        }
    }
}

/// Parses an address; a problem is reported on `<field>.<part>` (`address.postalCode`).
pub fn address(
    errors: &mut FieldErrors,
    field: &str,
    input: &AddressInput,
) -> Option<PostalAddress> {
    let address = CountryCode::parse(&input.country).and_then(|country| {
        PostalAddress::new(
            &input.line1,
            input.line2.as_deref(),
            &input.postal_code,
            &input.city,
            input.region.as_deref(),
            country,
        )
    });
    match address {
        Ok(address) => Some(address),
        Err(e) => {
            errors.push(format!("{field}.{}", e.field()), e.code(), &e);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_bad_parts_when_parsing_then_the_field_is_named_under_its_prefix() {
        let mut errors = FieldErrors::default();
        let input = AddressInput {
            line1: "1 rue X".into(),
            postal_code: "7500".into(),
            city: "Paris".into(),
            country: "FR".into(),
            ..AddressInput::default()
        };
        assert!(address(&mut errors, "guest.address", &input).is_none());
        let err = errors
            .finish()
            .err()
            .unwrap_or_else(|| AppError::internal("no error"));
        assert_eq!(err.errors[0].field, "guest.address.postalCode");
    }
}
