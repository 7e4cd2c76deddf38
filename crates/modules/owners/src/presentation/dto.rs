//! The JSON shapes of the owners API (camelCase).

use axum::{
    http::{HeaderName, HeaderValue, header},
    response::{IntoResponse, Response},
};
use chrono::{DateTime, NaiveDate, Utc};
use sejour_core::Actor;
use sejour_infrastructure::http::{
    AddressDto, Json,
    schemas::{EmailSchema, PersonNameSchema, PhoneNumberSchema},
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::schemas::{IbanSchema, LegalNameSchema, SiretSchema, VatNumberSchema};
use crate::{
    application::input::IdentityInput,
    domain::{MoneyModel, Owner, OwnerKindTag},
};
use sejour_infrastructure::http::preconditions::etag;

/// Person or company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum OwnerKindDto {
    /// A natural person: `firstName` and `lastName`.
    Person,
    /// A company: `legalName`, `siret`, optional `vatNumber`.
    Company,
}

impl From<OwnerKindTag> for OwnerKindDto {
    fn from(kind: OwnerKindTag) -> Self {
        match kind {
            OwnerKindTag::Person => OwnerKindDto::Person,
            OwnerKindTag::Company => OwnerKindDto::Company,
        }
    }
}

impl From<OwnerKindDto> for OwnerKindTag {
    fn from(kind: OwnerKindDto) -> Self {
        match kind {
            OwnerKindDto::Person => OwnerKindTag::Person,
            OwnerKindDto::Company => OwnerKindTag::Company,
        }
    }
}

/// Who collects the rent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum OwnerMoneyModelDto {
    /// The agency collects the rent for the owner and pays them their share (an IBAN is
    /// then required).
    Mandate,
    /// The owner collects the rent; the agency invoices its fee.
    Service,
}

impl From<MoneyModel> for OwnerMoneyModelDto {
    fn from(model: MoneyModel) -> Self {
        match model {
            MoneyModel::Mandate => OwnerMoneyModelDto::Mandate,
            MoneyModel::Service => OwnerMoneyModelDto::Service,
        }
    }
}

impl From<OwnerMoneyModelDto> for MoneyModel {
    fn from(model: OwnerMoneyModelDto) -> Self {
        match model {
            OwnerMoneyModelDto::Mandate => MoneyModel::Mandate,
            OwnerMoneyModelDto::Service => MoneyModel::Service,
        }
    }
}

/// The management mandate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OwnerMandateDto {
    /// The agency's commission in basis points: 0 to 10000 (`2000` is 20 %).
    #[schema(example = 2000, minimum = 0, maximum = 10000)]
    pub commission_basis_points: u32,
    /// The day the mandate starts.
    #[schema(value_type = String, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2026-01-01")]
    pub start_date: NaiveDate,
    /// Who collects the rent.
    pub money_model: OwnerMoneyModelDto,
}

/// Changes to the management mandate; an omitted field is left as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OwnerMandatePatchDto {
    /// A new commission, in basis points (0 to 10000).
    #[schema(minimum = 0, maximum = 10000)]
    pub commission_basis_points: Option<u32>,
    /// A new start date.
    #[schema(value_type = Option<String>, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2026-01-01")]
    pub start_date: Option<NaiveDate>,
    /// A new money model.
    pub money_model: Option<OwnerMoneyModelDto>,
}

/// An owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OwnerDto {
    /// The owner's id.
    pub id: Uuid,
    /// Person or company.
    pub kind: OwnerKindDto,
    /// A person's first name; null for a company.
    pub first_name: Option<String>,
    /// A person's last name; null for a company.
    pub last_name: Option<String>,
    /// A company's legal name; null for a person.
    pub legal_name: Option<String>,
    /// A company's SIRET (14 digits); null for a person.
    #[schema(example = "73282932000074")]
    pub siret: Option<String>,
    /// A company's intra-EU VAT number, or null.
    #[schema(example = "FR44732829320")]
    pub vat_number: Option<String>,
    /// `First Last`, or the legal name.
    pub display_name: String,
    /// Contact email.
    pub email: String,
    /// Contact phone in E.164 form, or null.
    #[schema(example = "+33612345678")]
    pub phone: Option<String>,
    /// Postal address.
    pub address: AddressDto,
    /// The IBAN, or null: in full (electronic form) for administrators, masked for
    /// everyone else (`FR76 **** **** **** **** ***0 189`).
    #[schema(example = "FR76 **** **** **** **** ***0 189")]
    pub iban: Option<String>,
    /// The management mandate.
    pub mandate: OwnerMandateDto,
    /// The user account (role `owner`) linked to this owner, or null.
    pub user_id: Option<Uuid>,
    /// When the owner was recorded.
    pub created_at: DateTime<Utc>,
    /// When they last changed.
    pub updated_at: DateTime<Utc>,
    /// The version, also sent as the `ETag`; present it in `If-Match` to update.
    pub version: i32,
}

impl OwnerDto {
    /// `owner` as `viewer` may see it (the IBAN whole for administrators only).
    pub fn for_viewer(owner: &Owner, viewer: &Actor) -> Self {
        let kind = owner.kind();
        let mandate = owner.mandate();
        Self {
            id: owner.id(),
            kind: kind.tag().into(),
            first_name: kind.first_name().map(ToString::to_string),
            last_name: kind.last_name().map(ToString::to_string),
            legal_name: kind.legal_name().map(ToString::to_string),
            siret: kind.siret().map(ToString::to_string),
            vat_number: kind.vat_number().map(ToString::to_string),
            display_name: kind.display_name(),
            email: owner.email().to_string(),
            phone: owner.phone().map(ToString::to_string),
            address: owner.address().into(),
            iban: owner.iban_as_seen_by(viewer),
            mandate: OwnerMandateDto {
                commission_basis_points: u32::from(mandate.commission.basis_points()),
                start_date: mandate.start_date,
                money_model: mandate.money_model.into(),
            },
            user_id: owner.user_id(),
            created_at: owner.created_at(),
            updated_at: owner.updated_at(),
            version: owner.version(),
        }
    }
}

/// An owner as a response: the JSON body with its `ETag`.
#[derive(Debug, Clone)]
pub struct OwnerResponse(pub OwnerDto);

impl OwnerResponse {
    /// `owner` as `viewer` may see it.
    pub fn for_viewer(owner: &Owner, viewer: &Actor) -> Self {
        Self(OwnerDto::for_viewer(owner, viewer))
    }

    /// The `ETag` header of this owner.
    pub fn etag(&self) -> (HeaderName, HeaderValue) {
        (header::ETAG, etag(self.0.version))
    }
}

impl IntoResponse for OwnerResponse {
    fn into_response(self) -> Response {
        ([self.etag()], Json(self.0)).into_response()
    }
}

/// `POST /owners`: the owner to record. A person has `firstName` and `lastName`, a
/// company `legalName` and `siret` (and maybe `vatNumber`); the other kind's fields are
/// left out (or null). Under the `mandate` money model an `iban` is required.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "kind": "person",
    "firstName": "Ada",
    "lastName": "Lovelace",
    "email": "ada@example.com",
    "phone": "+33612345678",
    "address": {"line1": "12 rue de Rivoli", "postalCode": "75004", "city": "Paris", "country": "FR"},
    "iban": "FR76 3000 6000 0112 3456 7890 189",
    "mandate": {"commissionBasisPoints": 2000, "startDate": "2026-01-01", "moneyModel": "mandate"}
}))]
pub struct CreateOwnerRequest {
    /// Person or company.
    pub kind: OwnerKindDto,
    /// A person's first name (required for a person; 1–100 characters).
    #[schema(value_type = Option<PersonNameSchema>)]
    pub first_name: Option<String>,
    /// A person's last name (required for a person; 1–100 characters).
    #[schema(value_type = Option<PersonNameSchema>)]
    pub last_name: Option<String>,
    /// A company's legal name (required for a company; 1–200 characters).
    #[schema(value_type = Option<LegalNameSchema>)]
    pub legal_name: Option<String>,
    /// A company's SIRET (required for a company): 14 digits, Luhn-checked.
    #[schema(value_type = Option<SiretSchema>)]
    pub siret: Option<String>,
    /// A company's intra-EU VAT number; a French one must be the one of the SIRET's
    /// SIREN.
    #[schema(value_type = Option<VatNumberSchema>)]
    pub vat_number: Option<String>,
    /// Contact email.
    #[schema(value_type = EmailSchema)]
    pub email: String,
    /// Contact phone (international form, or French national form).
    #[schema(value_type = Option<PhoneNumberSchema>)]
    pub phone: Option<String>,
    /// Postal address.
    pub address: AddressDto,
    /// IBAN of a SEPA country (required under the `mandate` money model); spaces are
    /// ignored.
    #[schema(value_type = Option<IbanSchema>)]
    pub iban: Option<String>,
    /// The management mandate.
    pub mandate: OwnerMandateDto,
    /// A user account with the role `owner` to link, so that it can read this owner.
    pub user_id: Option<Uuid>,
}

impl CreateOwnerRequest {
    /// The identity fields.
    pub fn identity(&self) -> IdentityInput {
        IdentityInput {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            legal_name: self.legal_name.clone(),
            siret: self.siret.clone(),
            vat_number: Some(self.vat_number.clone()),
        }
    }
}

/// `PATCH /owners/{id}`: the fields to change; an omitted field is left as it is, and
/// `null` removes an optional one.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"email": "ada@example.com", "phone": "+33 6 12 34 56 78"}))]
pub struct UpdateOwnerRequest {
    /// Turn the owner into a person or a company; the new kind's fields are then
    /// required, and the old kind's are dropped.
    pub kind: Option<OwnerKindDto>,
    /// New first name (persons).
    #[schema(value_type = Option<PersonNameSchema>)]
    pub first_name: Option<String>,
    /// New last name (persons).
    #[schema(value_type = Option<PersonNameSchema>)]
    pub last_name: Option<String>,
    /// New legal name (companies).
    #[schema(value_type = Option<LegalNameSchema>)]
    pub legal_name: Option<String>,
    /// New SIRET (companies).
    #[schema(value_type = Option<SiretSchema>)]
    pub siret: Option<String>,
    /// New VAT number (companies); `null` removes it.
    #[serde(
        default,
        deserialize_with = "sejour_infrastructure::http::dto::present"
    )]
    #[schema(value_type = Option<VatNumberSchema>)]
    pub vat_number: Option<Option<String>>,
    /// New contact email.
    #[schema(value_type = Option<EmailSchema>)]
    pub email: Option<String>,
    /// New contact phone; `null` removes it.
    #[serde(
        default,
        deserialize_with = "sejour_infrastructure::http::dto::present"
    )]
    #[schema(value_type = Option<PhoneNumberSchema>)]
    pub phone: Option<Option<String>>,
    /// New postal address (whole).
    pub address: Option<AddressDto>,
    /// New IBAN; `null` removes it (only under the `service` money model).
    #[serde(
        default,
        deserialize_with = "sejour_infrastructure::http::dto::present"
    )]
    #[schema(value_type = Option<IbanSchema>)]
    pub iban: Option<Option<String>>,
    /// Changes to the management mandate.
    pub mandate: Option<OwnerMandatePatchDto>,
    /// Link this user account (role `owner`) to the owner; `null` unlinks the current one.
    #[serde(
        default,
        deserialize_with = "sejour_infrastructure::http::dto::present"
    )]
    #[schema(value_type = Option<Uuid>)]
    pub user_id: Option<Option<Uuid>>,
}

impl UpdateOwnerRequest {
    /// The identity fields.
    pub fn identity(&self) -> IdentityInput {
        IdentityInput {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            legal_name: self.legal_name.clone(),
            siret: self.siret.clone(),
            vat_number: self.vat_number.clone(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn parse(json: &str) -> UpdateOwnerRequest {
        sejour_infrastructure::http::extract::from_slice(json.as_bytes()).unwrap()
    }

    #[test]
    fn an_omitted_field_is_unchanged_a_null_one_cleared_a_given_one_set() {
        assert_eq!(parse("{}").iban, None);
        assert_eq!(parse(r#"{"iban": null}"#).iban, Some(None));
        assert_eq!(parse(r#"{"userId": null}"#).user_id, Some(None));
        let id = Uuid::from_u128(5);
        assert_eq!(
            parse(&format!(r#"{{"userId": "{id}"}}"#)).user_id,
            Some(Some(id))
        );
        assert_eq!(
            parse(r#"{"vatNumber": "FR44732829320"}"#).vat_number,
            Some(Some("FR44732829320".to_owned()))
        );
    }

    #[test]
    fn nested_mandate_changes_and_enums_are_camel_and_lower_case() {
        let request = parse(
            r#"{"kind": "company", "mandate": {"commissionBasisPoints": 1500, "moneyModel": "service"}}"#,
        );
        assert_eq!(request.kind, Some(OwnerKindDto::Company));
        let mandate = request.mandate.unwrap();
        assert_eq!(mandate.commission_basis_points, Some(1500));
        assert_eq!(mandate.money_model, Some(OwnerMoneyModelDto::Service));
        assert_eq!(mandate.start_date, None);
        let bad = sejour_infrastructure::http::extract::from_slice::<UpdateOwnerRequest>(
            br#"{"mandate": {"startDate": "01/02/2026"}}"#,
        )
        .unwrap_err();
        assert_eq!(bad.0.errors[0].field, "mandate.startDate");
    }
}
