//! Named OpenAPI schemas of the owners' identifiers, with the `pattern` of what their
//! `parse` accepts, and the rules of `POST /owners` that tie its fields together (which
//! fields a person or a company needs, the IBAN a mandate needs) as JSON Schema
//! conditionals on `CreateOwnerRequest`.

use serde_json::json;
use utoipa::{
    Modify,
    openapi::{OpenApi, RefOr, schema::Schema},
};

use crate::domain::{Iban, LegalName, Siret, VatNumber};
use sejour_infrastructure::text_schema;

text_schema! {
    /// The schema `Iban`: what `Iban::parse` accepts.
    IbanSchema as "Iban":
        "An IBAN of a SEPA country: its country code, check digits 02 to 98 and the \
         country's length, in either case, spaces ignored; the ISO 13616 checksum is \
         checked too (`iban.invalid_checksum`).",
        Iban::pattern(), "FR76 3000 6000 0112 3456 7890 189"
}

text_schema! {
    /// The schema `Siret`: what `Siret::parse` accepts.
    SiretSchema as "Siret":
        "A SIRET: 14 digits, spaces ignored; the Luhn key is checked too \
         (`siret.invalid_checksum`, La Poste's exception included).",
        Siret::pattern(), "73282932000074"
}

text_schema! {
    /// The schema `VatNumber`: what `VatNumber::parse` accepts.
    VatNumberSchema as "VatNumber":
        "An EU VAT number: a country prefix (`FR`, `DE`, `EL`...) and that country's shape, \
         in either case, spaces, dots and dashes ignored; a French key in digits must be \
         the one of the SIREN (`vat_number.invalid_key`).",
        VatNumber::pattern(), "FR44732829320"
}

text_schema! {
    /// The schema `LegalName`: what `LegalName::parse` accepts.
    LegalNameSchema as "LegalName":
        "A company's legal name: 1 to 200 characters once trimmed, no control characters.",
        LegalName::pattern(), "SCI Les Oliviers"
}

/// Adds to `CreateOwnerRequest` the rules between its fields: a person has `firstName`
/// and `lastName` and none of `legalName`, `siret`, `vatNumber`; a company has
/// `legalName` and `siret` and no `firstName` or `lastName`; under the `mandate` money
/// model, an `iban`.
pub struct CreateOwnerRules;

impl Modify for CreateOwnerRules {
    fn modify(&self, openapi: &mut OpenApi) {
        let Some(components) = openapi.components.as_mut() else {
            return;
        };
        let Some(RefOr::T(Schema::Object(object))) =
            components.schemas.get_mut("CreateOwnerRequest")
        else {
            return;
        };
        let given = json!({ "type": "string" });
        let absent = json!({ "type": "null" });
        let rules = json!([
            {
                "if": { "properties": { "kind": { "const": "person" } } },
                "then": {
                    "required": ["firstName", "lastName"],
                    "properties": {
                        "firstName": given, "lastName": given,
                        "legalName": absent, "siret": absent, "vatNumber": absent
                    }
                },
                "else": {
                    "required": ["legalName", "siret"],
                    "properties": {
                        "legalName": given, "siret": given,
                        "firstName": absent, "lastName": absent
                    }
                }
            },
            {
                "if": {
                    "properties": {
                        "mandate": { "properties": { "moneyModel": { "const": "mandate" } } }
                    }
                },
                "then": { "required": ["iban"], "properties": { "iban": given } }
            }
        ]);
        object
            .extensions
            .get_or_insert_with(Default::default)
            .insert("allOf".to_owned(), rules);
    }
}
