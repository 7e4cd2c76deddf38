//! Shapes every context's API shares: the postal address, money, and the
//! "omitted, null or set" field of a partial update.

use sejour_core::{Role, input::AddressInput, value_objects::PostalAddress};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

/// An amount as every API shows money: whole minor units of an ISO 4217 currency
/// (`{"amount": 12345, "currency": "EUR"}` is 123.45 €). The OpenAPI schema of
/// `sejour_core::value_objects::Money`.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(as = Money)]
pub struct MoneySchema {
    /// Minor units (cents for the euro).
    #[schema(example = 78310)]
    pub amount: i64,
    /// ISO 4217 code.
    pub currency: CurrencySchema,
}

/// The currencies the platform handles (ISO 4217). The OpenAPI schema of
/// `sejour_core::value_objects::Currency`.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[schema(as = Currency)]
pub enum CurrencySchema {
    /// Euro.
    #[allow(clippy::upper_case_acronyms)]
    EUR,
    /// US dollar.
    #[allow(clippy::upper_case_acronyms)]
    USD,
    /// Pound sterling.
    #[allow(clippy::upper_case_acronyms)]
    GBP,
    /// Swiss franc.
    #[allow(clippy::upper_case_acronyms)]
    CHF,
    /// Yen.
    #[allow(clippy::upper_case_acronyms)]
    JPY,
}

/// Deserialises a field that is present (possibly `null`) as `Some(value)`, so that,
/// with `#[serde(default)]`, an omitted field is `None` and `null` is `Some(None)`.
pub fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddressDto {
    /// Number and street.
    #[schema(example = "12 rue de Rivoli")]
    pub line1: String,
    /// Building, floor...
    #[serde(default)]
    pub line2: Option<String>,
    /// Postal code (five digits in France).
    #[schema(example = "75004")]
    pub postal_code: String,
    /// City.
    #[schema(example = "Paris")]
    pub city: String,
    /// Region, state or province.
    #[serde(default)]
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[schema(example = "FR")]
    pub country: String,
}

impl From<&PostalAddress> for AddressDto {
    fn from(address: &PostalAddress) -> Self {
        Self {
            line1: address.line1().to_owned(),
            line2: address.line2().map(str::to_owned),
            postal_code: address.postal_code().to_owned(),
            city: address.city().to_owned(),
            region: address.region().map(str::to_owned),
            country: address.country().as_str().to_owned(),
        }
    }
}

impl From<AddressDto> for AddressInput {
    fn from(address: AddressDto) -> Self {
        Self {
            line1: address.line1,
            line2: address.line2,
            postal_code: address.postal_code,
            city: address.city,
            region: address.region,
            country: address.country,
        }
    }
}

/// A user's role, as every API shows it (the OpenAPI schema of `sejour_core::Role`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum UserRole {
    /// Everything, including user and role management.
    Admin,
    /// Agency staff.
    Manager,
    /// A property owner.
    Owner,
    /// A guest.
    Guest,
}

impl From<Role> for UserRole {
    fn from(role: Role) -> Self {
        match role {
            Role::Admin => UserRole::Admin,
            Role::Manager => UserRole::Manager,
            Role::Owner => UserRole::Owner,
            Role::Guest => UserRole::Guest,
        }
    }
}

impl From<UserRole> for Role {
    fn from(role: UserRole) -> Self {
        match role {
            UserRole::Admin => Role::Admin,
            UserRole::Manager => Role::Manager,
            UserRole::Owner => Role::Owner,
            UserRole::Guest => Role::Guest,
        }
    }
}
