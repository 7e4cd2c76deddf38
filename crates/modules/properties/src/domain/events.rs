//! The properties context's domain events.

use chrono::NaiveDate;
use sejour_core::DomainEvent;
use serde::Serialize;
use uuid::Uuid;

/// Something that happened to a property or its calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged, rename_all = "camelCase")]
pub enum PropertyEvent {
    /// A property was created (as a draft).
    #[serde(rename_all = "camelCase")]
    PropertyCreated { property_id: Uuid, name: String },
    /// Fields of a property changed (names only).
    #[serde(rename_all = "camelCase")]
    PropertyUpdated {
        property_id: Uuid,
        fields: Vec<String>,
    },
    /// A property went on sale.
    #[serde(rename_all = "camelCase")]
    PropertyPublished { property_id: Uuid },
    /// A property went back to draft.
    #[serde(rename_all = "camelCase")]
    PropertyUnpublished { property_id: Uuid },
    /// A property was withdrawn.
    #[serde(rename_all = "camelCase")]
    PropertyArchived { property_id: Uuid },
    /// Its rates changed.
    #[serde(rename_all = "camelCase")]
    RatesChanged { property_id: Uuid },
    /// Dates were blocked (owner stay, maintenance, import).
    #[serde(rename_all = "camelCase")]
    AvailabilityBlocked {
        property_id: Uuid,
        occupation_id: Uuid,
        kind: String,
        start: NaiveDate,
        end: NaiveDate,
    },
    /// Blocked dates were freed.
    #[serde(rename_all = "camelCase")]
    AvailabilityReleased {
        property_id: Uuid,
        occupation_id: Uuid,
        start: NaiveDate,
        end: NaiveDate,
    },
    /// A photo was added.
    #[serde(rename_all = "camelCase")]
    PhotoAdded { property_id: Uuid, photo_id: Uuid },
    /// A photo was removed.
    #[serde(rename_all = "camelCase")]
    PhotoRemoved { property_id: Uuid, photo_id: Uuid },
}

impl DomainEvent for PropertyEvent {
    fn event_type(&self) -> &'static str {
        match self {
            PropertyEvent::PropertyCreated { .. } => "properties.PropertyCreated",
            PropertyEvent::PropertyUpdated { .. } => "properties.PropertyUpdated",
            PropertyEvent::PropertyPublished { .. } => "properties.PropertyPublished",
            PropertyEvent::PropertyUnpublished { .. } => "properties.PropertyUnpublished",
            PropertyEvent::PropertyArchived { .. } => "properties.PropertyArchived",
            PropertyEvent::RatesChanged { .. } => "properties.RatesChanged",
            PropertyEvent::AvailabilityBlocked { .. } => "properties.AvailabilityBlocked",
            PropertyEvent::AvailabilityReleased { .. } => "properties.AvailabilityReleased",
            PropertyEvent::PhotoAdded { .. } => "properties.PhotoAdded",
            PropertyEvent::PhotoRemoved { .. } => "properties.PhotoRemoved",
        }
    }

    fn aggregate_type(&self) -> &'static str {
        "property"
    }

    fn aggregate_id(&self) -> String {
        match self {
            PropertyEvent::PropertyCreated { property_id, .. }
            | PropertyEvent::PropertyUpdated { property_id, .. }
            | PropertyEvent::PropertyPublished { property_id }
            | PropertyEvent::PropertyUnpublished { property_id }
            | PropertyEvent::PropertyArchived { property_id }
            | PropertyEvent::RatesChanged { property_id }
            | PropertyEvent::AvailabilityBlocked { property_id, .. }
            | PropertyEvent::AvailabilityReleased { property_id, .. }
            | PropertyEvent::PhotoAdded { property_id, .. }
            | PropertyEvent::PhotoRemoved { property_id, .. } => property_id.to_string(),
        }
    }
}
