//! The JSON shapes of the properties API.

use chrono::NaiveTime;
use sejour_core::value_objects::PostalAddress;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    application::access::View,
    domain::{
        amenity::Amenity,
        property::{OwnerShare, Property, PropertyKind},
    },
};

/// Latitude and longitude (WGS 84).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
pub struct CoordinatesDto {
    /// Latitude, −90 to 90.
    #[schema(example = 43.7034, minimum = -90, maximum = 90)]
    pub lat: f64,
    /// Longitude, −180 to 180.
    #[schema(example = 7.2663, minimum = -180, maximum = 180)]
    pub lng: f64,
}

/// People and rooms.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CapacityDto {
    /// Most guests, children included (1–50).
    #[schema(minimum = 1, maximum = 50, example = 6)]
    pub max_guests: u32,
    /// Bedrooms (0–50).
    #[serde(default)]
    #[schema(maximum = 50, example = 3)]
    pub bedrooms: u32,
    /// Beds (0–100).
    #[serde(default)]
    #[schema(maximum = 100, example = 4)]
    pub beds: u32,
    /// Bathrooms (0–50).
    #[serde(default)]
    #[schema(maximum = 50, example = 2)]
    pub bathrooms: u32,
}

/// One owner's share.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OwnerShareDto {
    /// The owner.
    pub owner_id: Uuid,
    /// Basis points, 10000 = 100 %; a property's shares sum to 10000, one per owner.
    #[schema(example = 10000, minimum = 1, maximum = 10000)]
    pub share_bp: u32,
}

impl From<OwnerShareDto> for OwnerShare {
    fn from(d: OwnerShareDto) -> Self {
        OwnerShare {
            owner_id: d.owner_id,
            share_bp: d.share_bp,
        }
    }
}

/// Descriptions in French and English.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DescriptionsDto {
    /// French.
    #[serde(default)]
    #[schema(pattern = r"^[^\x00]*$")]
    pub fr: String,
    /// English.
    #[serde(default)]
    #[schema(pattern = r"^[^\x00]*$")]
    pub en: String,
}

/// A photo in a property's gallery.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PhotoDto {
    /// Id.
    pub id: Uuid,
    /// Position, 0 first.
    pub position: u32,
    /// Caption.
    pub caption: String,
    /// The original (metadata stripped).
    pub url: String,
    /// The resized variant (≤ 1280 px).
    pub resized_url: String,
    /// Width of the original, px.
    pub width: u32,
    /// Height of the original, px.
    pub height: u32,
}

/// A property as staff and its owners see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PropertyDto {
    /// Id.
    pub id: Uuid,
    /// Unique URL name.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Kind.
    #[schema(value_type = crate::presentation::schemas::PropertyKindSchema, example = "villa")]
    pub kind: PropertyKind,
    /// `draft`, `published` or `archived`.
    #[schema(value_type = crate::presentation::schemas::PropertyStatusSchema)]
    pub status: &'static str,
    /// Postal address (staff and owners; the public sees city, postal code and country).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<sejour_infrastructure::http::dto::AddressDto>)]
    pub address: Option<PostalAddress>,
    /// City.
    pub city: String,
    /// Postal code.
    pub postal_code: String,
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
    /// Position.
    pub coordinates: CoordinatesDto,
    /// Capacity.
    pub capacity: CapacityDto,
    /// Floor area, m².
    pub floor_area_m2: Option<u32>,
    /// French registration number.
    pub registration_number: Option<String>,
    /// Descriptions.
    pub descriptions: DescriptionsDto,
    /// Check-in from (HH:MM:SS).
    #[schema(value_type = String, pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "16:00:00")]
    pub check_in_time: NaiveTime,
    /// Check-out until.
    #[schema(value_type = String, pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "10:00:00")]
    pub check_out_time: NaiveTime,
    /// House rules.
    pub house_rules: String,
    /// Amenities.
    #[schema(value_type = Vec<crate::presentation::schemas::AmenitySchema>)]
    pub amenities: Vec<Amenity>,
    /// Other amenities.
    pub amenities_other: String,
    /// Owners (hidden from the public).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owners: Option<Vec<OwnerShareDto>>,
    /// Rates: base nightly price, seasons, discounts, fees, deposit, cancellation policy.
    #[schema(value_type = Option<sejour_infrastructure::http::pricing::RatePlanSchema>)]
    pub rates: Option<serde_json::Value>,
    /// The tourist-tax regime.
    #[schema(value_type = Option<sejour_infrastructure::http::pricing::TouristTaxConfigSchema>)]
    pub tourist_tax: Option<serde_json::Value>,
    /// Photos, in order.
    pub photos: Vec<PhotoDto>,
    /// Optimistic-concurrency version (also the ETag).
    pub version: i32,
}

impl PropertyDto {
    /// The DTO of `p` for a caller with `view`: the public sees no owners, no
    /// registration details beyond the number, and an approximate position.
    pub fn from_domain(p: &Property, view: View, photos: Vec<PhotoDto>) -> Self {
        let full = view == View::Full;
        let round = |x: f64| if full { x } else { (x * 100.0).round() / 100.0 };
        Self {
            id: p.id,
            slug: p.slug.clone(),
            name: p.name.clone(),
            kind: p.kind,
            status: p.status.as_str(),
            address: full.then(|| p.address.clone()),
            city: p.address.city().to_owned(),
            postal_code: p.address.postal_code().to_owned(),
            country: p.address.country().as_str().to_owned(),
            coordinates: CoordinatesDto {
                lat: round(p.coordinates.lat),
                lng: round(p.coordinates.lng),
            },
            capacity: CapacityDto {
                max_guests: p.capacity.max_guests,
                bedrooms: p.capacity.bedrooms,
                beds: p.capacity.beds,
                bathrooms: p.capacity.bathrooms,
            },
            floor_area_m2: p.floor_area_m2,
            registration_number: p
                .registration_number
                .as_ref()
                .map(|r| r.as_str().to_owned()),
            descriptions: DescriptionsDto {
                fr: p.descriptions.fr.clone(),
                en: p.descriptions.en.clone(),
            },
            check_in_time: p.check_in_time,
            check_out_time: p.check_out_time,
            house_rules: p.house_rules.clone(),
            amenities: p.amenities.clone(),
            amenities_other: p.amenities_other.clone(),
            owners: full.then(|| {
                p.owners
                    .iter()
                    .map(|o| OwnerShareDto {
                        owner_id: o.owner_id,
                        share_bp: o.share_bp,
                    })
                    .collect()
            }),
            rates: p.rates.as_ref().and_then(|r| serde_json::to_value(r).ok()),
            tourist_tax: p
                .tourist_tax
                .as_ref()
                .and_then(|t| serde_json::to_value(t).ok()),
            photos,
            version: p.version,
        }
    }
}
