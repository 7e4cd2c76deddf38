//! The raw guest fields of the commands, parsed into value objects with every invalid
//! field listed (422 `validation.failed`), named as the API names them
//! (`guest.email`, `guest.address.postalCode`, `children`...).

use sejour_core::{
    input::{AddressInput, FieldErrors, address},
    value_objects::{Email, PersonName, PhoneNumber},
};

use crate::domain::{GuestContact, Notes, Occupants, ReservationError};

/// Code of a name that breaks the name rule.
pub const INVALID_NAME: &str = "guest.invalid_name";

/// The booking guest's contact as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuestInput {
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Email.
    pub email: String,
    /// Phone, international or French national format.
    pub phone: String,
    /// Postal address.
    pub address: AddressInput,
}

/// Changes to the contact; `None` keeps a part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuestPatch {
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Postal address (whole).
    pub address: Option<AddressInput>,
}

fn name(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<PersonName> {
    errors.check(field, PersonName::parse(raw), |_| INVALID_NAME)
}

/// Parses a whole contact.
pub fn contact(errors: &mut FieldErrors, input: &GuestInput) -> Option<GuestContact> {
    let first_name = name(errors, "guest.firstName", &input.first_name);
    let last_name = name(errors, "guest.lastName", &input.last_name);
    let email = errors.check("guest.email", Email::parse(&input.email), |e| e.code());
    let phone = errors.check("guest.phone", PhoneNumber::parse(&input.phone), |e| {
        e.code()
    });
    let address = address(errors, "guest.address", &input.address);
    Some(GuestContact {
        first_name: first_name?,
        last_name: last_name?,
        email: email?,
        phone: phone?,
        address: address?,
    })
}

/// `current` with the parts of `patch` applied.
pub fn patched(
    errors: &mut FieldErrors,
    current: &GuestContact,
    patch: &GuestPatch,
) -> Option<GuestContact> {
    let mut contact = current.clone();
    if let Some(raw) = &patch.first_name {
        contact.first_name = name(errors, "guest.firstName", raw)?;
    }
    if let Some(raw) = &patch.last_name {
        contact.last_name = name(errors, "guest.lastName", raw)?;
    }
    if let Some(raw) = &patch.email {
        contact.email = errors.check("guest.email", Email::parse(raw), |e| e.code())?;
    }
    if let Some(raw) = &patch.phone {
        contact.phone = errors.check("guest.phone", PhoneNumber::parse(raw), |e| e.code())?;
    }
    if let Some(raw) = &patch.address {
        contact.address = address(errors, "guest.address", raw)?;
    }
    Some(contact)
}

/// Parses the occupants (`adults`, `children`).
pub fn occupants(errors: &mut FieldErrors, adults: u32, children: &[u8]) -> Option<Occupants> {
    Occupants::new(adults, children.to_vec())
        .map_err(ReservationError::from)
        .map_err(|e| errors.push(e.field().unwrap_or("adults"), e.code(), &e))
        .ok()
}

/// Parses notes (`None` when blank).
pub fn notes(errors: &mut FieldErrors, raw: &str) -> Option<Option<Notes>> {
    errors.check("notes", Notes::parse(raw), |e| e.code())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn given_bad_guest_fields_when_parsing_then_each_is_named() {
        let mut errors = FieldErrors::default();
        let input = GuestInput {
            first_name: " ".into(),
            last_name: "Martin".into(),
            email: "nope".into(),
            phone: "12".into(),
            address: AddressInput {
                line1: "1 rue X".into(),
                postal_code: "75001".into(),
                city: "Paris".into(),
                country: "XX".into(),
                ..AddressInput::default()
            },
        };
        assert!(contact(&mut errors, &input).is_none());
        let err = errors.finish().unwrap_err();
        let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "guest.firstName",
                "guest.email",
                "guest.phone",
                "guest.address.country"
            ]
        );
    }
}
