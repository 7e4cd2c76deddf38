//! What other contexts may use of the properties context: the payloads of its events on
//! the outbox (their JSON is the payload of each `properties.*` envelope), so that a
//! consumer deserializes a typed payload without touching this context's domain.
//!
//! Pure: std, serde, chrono, uuid and the utoipa derive only.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// `properties.PropertyCreated`: a property was created (as a draft).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PropertyCreated {
    /// The property.
    pub property_id: Uuid,
    /// Its name.
    pub name: String,
}

/// `properties.PropertyUpdated`: fields of a property changed (their names only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PropertyUpdated {
    /// The property.
    pub property_id: Uuid,
    /// The fields changed (`name`, `address`, `owners`...).
    pub fields: Vec<String>,
}

/// `properties.PropertyPublished`: a property went on sale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PropertyPublished {
    /// The property.
    pub property_id: Uuid,
}

/// `properties.PropertyUnpublished`: a property went back to draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PropertyUnpublished {
    /// The property.
    pub property_id: Uuid,
}

/// `properties.PropertyArchived`: a property was withdrawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PropertyArchived {
    /// The property.
    pub property_id: Uuid,
}

/// `properties.RatesChanged`: a property's rates changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RatesChanged {
    /// The property.
    pub property_id: Uuid,
}

/// `properties.AvailabilityBlocked`: dates were blocked (owner stay, maintenance, import).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AvailabilityBlocked {
    /// The property.
    pub property_id: Uuid,
    /// The occupation.
    pub occupation_id: Uuid,
    /// `owner_stay`, `maintenance` or `imported`.
    pub kind: String,
    /// The first night.
    pub start: NaiveDate,
    /// The day after the last night.
    pub end: NaiveDate,
}

/// `properties.AvailabilityReleased`: blocked dates were freed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AvailabilityReleased {
    /// The property.
    pub property_id: Uuid,
    /// The occupation.
    pub occupation_id: Uuid,
    /// The first night.
    pub start: NaiveDate,
    /// The day after the last night.
    pub end: NaiveDate,
}

/// `properties.PhotoAdded`: a photo was added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PhotoAdded {
    /// The property.
    pub property_id: Uuid,
    /// The photo.
    pub photo_id: Uuid,
}

/// `properties.PhotoRemoved`: a photo was removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PhotoRemoved {
    /// The property.
    pub property_id: Uuid,
    /// The photo.
    pub photo_id: Uuid,
}
