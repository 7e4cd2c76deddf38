//! The properties context's domain events; their payloads are the published language's
//! structs (the outbox JSON of each event is its payload struct).

use sejour_core::DomainEvent;
use serde::Serialize;

pub use crate::published_language::{
    AvailabilityBlocked, AvailabilityReleased, PhotoAdded, PhotoRemoved, PropertyArchived,
    PropertyCreated, PropertyPublished, PropertyUnpublished, PropertyUpdated, RatesChanged,
};

/// Something that happened to a property or its calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum PropertyEvent {
    /// A property was created (as a draft).
    PropertyCreated(PropertyCreated),
    /// Fields of a property changed (names only).
    PropertyUpdated(PropertyUpdated),
    /// A property went on sale.
    PropertyPublished(PropertyPublished),
    /// A property went back to draft.
    PropertyUnpublished(PropertyUnpublished),
    /// A property was withdrawn.
    PropertyArchived(PropertyArchived),
    /// Its rates changed.
    RatesChanged(RatesChanged),
    /// Dates were blocked (owner stay, maintenance, import).
    AvailabilityBlocked(AvailabilityBlocked),
    /// Blocked dates were freed.
    AvailabilityReleased(AvailabilityReleased),
    /// A photo was added.
    PhotoAdded(PhotoAdded),
    /// A photo was removed.
    PhotoRemoved(PhotoRemoved),
}

impl DomainEvent for PropertyEvent {
    fn event_type(&self) -> &'static str {
        match self {
            PropertyEvent::PropertyCreated(_) => "properties.PropertyCreated",
            PropertyEvent::PropertyUpdated(_) => "properties.PropertyUpdated",
            PropertyEvent::PropertyPublished(_) => "properties.PropertyPublished",
            PropertyEvent::PropertyUnpublished(_) => "properties.PropertyUnpublished",
            PropertyEvent::PropertyArchived(_) => "properties.PropertyArchived",
            PropertyEvent::RatesChanged(_) => "properties.RatesChanged",
            PropertyEvent::AvailabilityBlocked(_) => "properties.AvailabilityBlocked",
            PropertyEvent::AvailabilityReleased(_) => "properties.AvailabilityReleased",
            PropertyEvent::PhotoAdded(_) => "properties.PhotoAdded",
            PropertyEvent::PhotoRemoved(_) => "properties.PhotoRemoved",
        }
    }

    fn aggregate_type(&self) -> &'static str {
        "property"
    }

    fn aggregate_id(&self) -> String {
        let id = match self {
            PropertyEvent::PropertyCreated(e) => e.property_id,
            PropertyEvent::PropertyUpdated(e) => e.property_id,
            PropertyEvent::PropertyPublished(e) => e.property_id,
            PropertyEvent::PropertyUnpublished(e) => e.property_id,
            PropertyEvent::PropertyArchived(e) => e.property_id,
            PropertyEvent::RatesChanged(e) => e.property_id,
            PropertyEvent::AvailabilityBlocked(e) => e.property_id,
            PropertyEvent::AvailabilityReleased(e) => e.property_id,
            PropertyEvent::PhotoAdded(e) => e.property_id,
            PropertyEvent::PhotoRemoved(e) => e.property_id,
        };
        id.to_string()
    }
}
