//! Shapes every context's API shares: the postal address, money, and the
//! "omitted, null or set" field of a partial update.

use sejour_core::{
    Role,
    input::AddressInput,
    value_objects::{CountryCode, PostalAddress},
};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::json;
use utoipa::{
    PartialSchema, ToSchema,
    openapi::{
        Ref, RefOr,
        extensions::Extensions,
        schema::{ObjectBuilder, Schema, SchemaType, Type},
    },
};

use super::schemas::CountryCodeSchema;

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

/// A postal address. Its OpenAPI schema (`AddressDto`, below) states what
/// `PostalAddress::new` accepts: trimmed lines, city and region of bounded length without
/// control characters, a known country, and five digits as the postal code in France.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressDto {
    /// Number and street.
    pub line1: String,
    /// Building, floor...
    #[serde(default)]
    pub line2: Option<String>,
    /// Postal code (five digits in France).
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Region, state or province.
    #[serde(default)]
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
}

impl PartialSchema for AddressDto {
    fn schema() -> RefOr<Schema> {
        let text = |description: &str, pattern: String, example: Option<&str>, nullable: bool| {
            let mut builder = ObjectBuilder::new()
                .description(Some(description))
                .pattern(Some(pattern));
            builder = if nullable {
                builder.schema_type(SchemaType::from_iter([Type::String, Type::Null]))
            } else {
                builder.schema_type(Type::String)
            };
            if let Some(example) = example {
                builder = builder.examples([json!(example)]);
            }
            builder.build()
        };
        // `if` and `then` (JSON Schema 2020-12) have no builder: they go in as raw JSON.
        let france = json!({
            "if": {
                "properties": { "country": { "pattern": CountryCode::france_pattern() } },
                "required": ["country"]
            },
            "then": {
                "properties": {
                    "postalCode": { "pattern": PostalAddress::french_postal_code_pattern() }
                }
            }
        });
        let conditional: Extensions = france
            .as_object()
            .into_iter()
            .flatten()
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(
                "A postal address. Every part is trimmed; in France (`country` `FR`) the postal \
                 code is five digits.",
            ))
            .property(
                "line1",
                text(
                    "Number and street (1 to 200 characters).",
                    PostalAddress::line_pattern(false),
                    Some("12 rue de Rivoli"),
                    false,
                ),
            )
            .required("line1")
            .property(
                "line2",
                text(
                    "Building, floor... (at most 200 characters; blank is none).",
                    PostalAddress::line_pattern(true),
                    None,
                    true,
                ),
            )
            .property(
                "postalCode",
                text(
                    "Postal code (at most 16 characters; five digits in France).",
                    PostalAddress::postal_code_pattern(),
                    Some("75004"),
                    false,
                ),
            )
            .required("postalCode")
            .property(
                "city",
                text(
                    "City (1 to 100 characters).",
                    PostalAddress::city_pattern(false),
                    Some("Paris"),
                    false,
                ),
            )
            .required("city")
            .property(
                "region",
                text(
                    "Region, state or province (at most 100 characters; blank is none).",
                    PostalAddress::city_pattern(true),
                    None,
                    true,
                ),
            )
            .property(
                "country",
                RefOr::Ref(Ref::from_schema_name(CountryCodeSchema::name())),
            )
            .required("country")
            .extensions(Some(conditional))
            .build()
            .into()
    }
}

impl ToSchema for AddressDto {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((
            CountryCodeSchema::name().into_owned(),
            CountryCodeSchema::schema(),
        ));
    }
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
