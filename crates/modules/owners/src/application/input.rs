//! The raw fields of the owner commands, and their parsing into value objects: parse,
//! don't validate. Every invalid field is listed (422 `validation.failed`), named as
//! the API names it (`siret`, `iban`, `address.postalCode`, `mandate.commissionBasisPoints`).

pub use sejour_core::input::{AddressInput, FieldErrors};
use sejour_core::value_objects::{Email, PhoneNumber, PostalAddress};

use crate::domain::{
    CommissionRate, INVALID_NAME, Iban, LegalName, OwnerKind, OwnerKindTag, PersonName, Siret,
    VatNumber,
};

/// Code of a field that the owner's kind needs but that is missing.
pub const FIELD_REQUIRED: &str = "owner.field_required";
/// Code of a field that belongs to the other kind of owner (`siret` for a person...).
pub const FIELD_NOT_FOR_KIND: &str = "owner.field_not_for_kind";

/// The identity fields of an owner as typed; which are required depends on the kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdentityInput {
    /// A person's first name.
    pub first_name: Option<String>,
    /// A person's last name.
    pub last_name: Option<String>,
    /// A company's legal name.
    pub legal_name: Option<String>,
    /// A company's SIRET.
    pub siret: Option<String>,
    /// A company's VAT number; `Some(None)` for none (or to remove it).
    pub vat_number: Option<Option<String>>,
}

impl IdentityInput {
    /// Whether no identity field is given.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Parses an email.
pub fn email(errors: &mut FieldErrors, raw: &str) -> Option<Email> {
    errors.check("email", Email::parse(raw), |e| e.code())
}

/// Parses a phone number.
pub fn phone(errors: &mut FieldErrors, raw: &str) -> Option<PhoneNumber> {
    errors.check("phone", PhoneNumber::parse(raw), |e| e.code())
}

/// Parses an IBAN.
pub fn iban(errors: &mut FieldErrors, raw: &str) -> Option<Iban> {
    errors.check("iban", Iban::parse(raw), |e| e.code())
}

/// Parses a commission in basis points.
pub fn commission(errors: &mut FieldErrors, basis_points: u32) -> Option<CommissionRate> {
    errors.check(
        "mandate.commissionBasisPoints",
        CommissionRate::from_basis_points(basis_points),
        |e| e.code(),
    )
}

/// Parses the owner's address; a problem is reported on `address.<field>`.
pub fn address(errors: &mut FieldErrors, input: &AddressInput) -> Option<PostalAddress> {
    sejour_core::input::address(errors, "address", input)
}

/// The identity an owner gets from `input`, given the `kind` asked for (if any) and the
/// `current` identity (none at creation): fields left out keep their current value
/// when the kind stays, and are required when it is new. `None` when there is nothing
/// to change, or when a field is invalid (noted in `errors`).
pub fn identity(
    errors: &mut FieldErrors,
    kind: Option<OwnerKindTag>,
    input: IdentityInput,
    current: Option<&OwnerKind>,
) -> Option<OwnerKind> {
    let current_tag = current.map(OwnerKind::tag);
    let target = kind.or(current_tag)?;
    if input.is_empty() && Some(target) == current_tag {
        return None;
    }
    // Fields kept from the current identity when it is of the target kind.
    let same = current.filter(|c| c.tag() == target);
    match target {
        OwnerKindTag::Person => {
            not_for_kind(errors, "legalName", input.legal_name.is_some(), target);
            not_for_kind(errors, "siret", input.siret.is_some(), target);
            let vat_given = matches!(input.vat_number, Some(Some(_)));
            not_for_kind(errors, "vatNumber", vat_given, target);
            let first_name = person_name(
                errors,
                "firstName",
                input.first_name.as_deref(),
                same.and_then(OwnerKind::first_name),
            );
            let last_name = person_name(
                errors,
                "lastName",
                input.last_name.as_deref(),
                same.and_then(OwnerKind::last_name),
            );
            Some(OwnerKind::Person {
                first_name: first_name?,
                last_name: last_name?,
            })
            .filter(|_| errors.is_empty())
        }
        OwnerKindTag::Company => {
            not_for_kind(errors, "firstName", input.first_name.is_some(), target);
            not_for_kind(errors, "lastName", input.last_name.is_some(), target);
            let legal_name = match (
                input.legal_name.as_deref(),
                same.and_then(OwnerKind::legal_name),
            ) {
                (Some(raw), _) => {
                    errors.check("legalName", LegalName::parse(raw), |_| INVALID_NAME)
                }
                (None, Some(kept)) => Some(kept.clone()),
                (None, None) => required(errors, "legalName", target),
            };
            let siret = match (input.siret.as_deref(), same.and_then(OwnerKind::siret)) {
                (Some(raw), _) => errors.check("siret", Siret::parse(raw), |e| e.code()),
                (None, Some(kept)) => Some(kept.clone()),
                (None, None) => required(errors, "siret", target),
            };
            let vat_number = match input.vat_number {
                Some(Some(raw)) => {
                    Some(errors.check("vatNumber", VatNumber::parse(&raw), |e| e.code())?)
                }
                Some(None) => None,
                None => same.and_then(OwnerKind::vat_number).cloned(),
            };
            Some(OwnerKind::Company {
                legal_name: legal_name?,
                siret: siret?,
                vat_number,
            })
            .filter(|_| errors.is_empty())
        }
    }
}

fn person_name(
    errors: &mut FieldErrors,
    field: &'static str,
    raw: Option<&str>,
    kept: Option<&PersonName>,
) -> Option<PersonName> {
    match (raw, kept) {
        (Some(raw), _) => errors.check(field, PersonName::parse(raw), |_| INVALID_NAME),
        (None, Some(kept)) => Some(kept.clone()),
        (None, None) => required(errors, field, OwnerKindTag::Person),
    }
}

fn required<T>(errors: &mut FieldErrors, field: &'static str, kind: OwnerKindTag) -> Option<T> {
    errors.push(
        field,
        FIELD_REQUIRED,
        format!("`{field}` is required for a {kind}"),
    );
    None
}

fn not_for_kind(errors: &mut FieldErrors, field: &'static str, given: bool, kind: OwnerKindTag) {
    if given {
        errors.push(
            field,
            FIELD_NOT_FOR_KIND,
            format!("`{field}` does not apply to a {kind}; change `kind` as well"),
        );
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn fields(errors: FieldErrors) -> Vec<(String, String)> {
        let err = errors.finish().unwrap_err();
        err.errors
            .into_iter()
            .map(|e| (e.field, e.code.into_owned()))
            .collect()
    }

    fn company_input() -> IdentityInput {
        IdentityInput {
            legal_name: Some("SCI Les Oliviers".into()),
            siret: Some("732 829 320 00074".into()),
            vat_number: Some(Some("FR44732829320".into())),
            ..IdentityInput::default()
        }
    }

    #[test]
    fn given_a_new_company_when_parsing_then_every_field_is_parsed() {
        let mut errors = FieldErrors::default();
        let kind = identity(
            &mut errors,
            Some(OwnerKindTag::Company),
            company_input(),
            None,
        );
        assert!(errors.is_empty());
        let kind = kind.unwrap();
        assert_eq!(kind.siret().unwrap().as_str(), "73282932000074");
        assert_eq!(kind.vat_number().unwrap().as_str(), "FR44732829320");
    }

    #[test]
    fn given_a_new_company_with_bad_and_missing_fields_when_parsing_then_all_are_listed() {
        let mut errors = FieldErrors::default();
        let input = IdentityInput {
            first_name: Some("Ada".into()),
            siret: Some("73282932000075".into()),
            vat_number: Some(Some("FR00".into())),
            ..IdentityInput::default()
        };
        assert_eq!(
            identity(&mut errors, Some(OwnerKindTag::Company), input, None),
            None
        );
        let listed = fields(errors);
        let listed: Vec<(&str, &str)> = listed
            .iter()
            .map(|(f, c)| (f.as_str(), c.as_str()))
            .collect();
        assert_eq!(
            listed,
            [
                ("firstName", FIELD_NOT_FOR_KIND),
                ("legalName", FIELD_REQUIRED),
                ("siret", "siret.invalid_checksum"),
                ("vatNumber", "vat_number.invalid_format"),
            ]
        );
    }

    #[test]
    fn given_a_person_when_patching_one_name_then_the_other_is_kept() {
        let mut errors = FieldErrors::default();
        let current = OwnerKind::Person {
            first_name: PersonName::parse("Ada").unwrap(),
            last_name: PersonName::parse("Lovelace").unwrap(),
        };
        let input = IdentityInput {
            last_name: Some(" Byron ".into()),
            ..IdentityInput::default()
        };
        let kind = identity(&mut errors, None, input, Some(&current)).unwrap();
        assert_eq!(kind.display_name(), "Ada Byron");
        // Nothing given, same kind: no change.
        let none = identity(
            &mut errors,
            Some(OwnerKindTag::Person),
            IdentityInput::default(),
            Some(&current),
        );
        assert_eq!(none, None);
        assert!(errors.is_empty());
    }

    #[test]
    fn given_a_person_when_sending_a_siret_without_changing_kind_then_not_for_kind() {
        let mut errors = FieldErrors::default();
        let current = OwnerKind::Person {
            first_name: PersonName::parse("Ada").unwrap(),
            last_name: PersonName::parse("Lovelace").unwrap(),
        };
        let input = IdentityInput {
            siret: Some("73282932000074".into()),
            ..IdentityInput::default()
        };
        assert_eq!(identity(&mut errors, None, input, Some(&current)), None);
        assert_eq!(
            fields(errors),
            [("siret".to_owned(), FIELD_NOT_FOR_KIND.to_owned())]
        );
    }

    #[test]
    fn given_a_company_when_becoming_a_person_then_names_are_required() {
        let mut errors = FieldErrors::default();
        let current = identity(
            &mut errors,
            Some(OwnerKindTag::Company),
            company_input(),
            None,
        )
        .unwrap();
        let input = IdentityInput {
            first_name: Some("Ada".into()),
            vat_number: Some(None),
            ..IdentityInput::default()
        };
        assert_eq!(
            identity(
                &mut errors,
                Some(OwnerKindTag::Person),
                input,
                Some(&current)
            ),
            None
        );
        assert_eq!(
            fields(errors),
            [("lastName".to_owned(), FIELD_REQUIRED.to_owned())]
        );
    }

    #[test]
    fn given_a_company_when_removing_its_vat_number_then_the_rest_is_kept() {
        let mut errors = FieldErrors::default();
        let current = identity(
            &mut errors,
            Some(OwnerKindTag::Company),
            company_input(),
            None,
        )
        .unwrap();
        let input = IdentityInput {
            vat_number: Some(None),
            ..IdentityInput::default()
        };
        let kind = identity(&mut errors, None, input, Some(&current)).unwrap();
        assert_eq!(kind.vat_number(), None);
        assert_eq!(kind.legal_name(), current.legal_name());
    }

    #[test]
    fn given_bad_contact_fields_when_parsing_then_each_names_its_field() {
        let mut errors = FieldErrors::default();
        assert!(email(&mut errors, "nope").is_none());
        assert!(phone(&mut errors, "12").is_none());
        assert!(iban(&mut errors, "FR1420041010050500013M02607").is_none());
        assert!(commission(&mut errors, 10_001).is_none());
        let bad_address = AddressInput {
            line1: "1 rue X".into(),
            postal_code: "7500".into(),
            city: "Paris".into(),
            country: "FR".into(),
            ..AddressInput::default()
        };
        assert!(address(&mut errors, &bad_address).is_none());
        let bad_country = AddressInput {
            country: "QQ".into(),
            ..bad_address
        };
        assert!(address(&mut errors, &bad_country).is_none());
        let listed = fields(errors);
        let names: Vec<&str> = listed.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            names,
            [
                "email",
                "phone",
                "iban",
                "mandate.commissionBasisPoints",
                "address.postalCode",
                "address.country"
            ]
        );
        assert_eq!(listed[2].1, "iban.invalid_checksum");
    }
}
