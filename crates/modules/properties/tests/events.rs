//! The properties events' JSON on the outbox: each event is its published payload.

use chrono::NaiveDate;
use sejour_core::DomainEvent;
use sejour_properties::{domain::events::PropertyEvent, published_language::AvailabilityBlocked};
use uuid::Uuid;

#[test]
fn an_event_serializes_as_its_payload_in_camel_case() {
    let id = Uuid::nil();
    let day = NaiveDate::from_ymd_opt(2027, 7, 3).unwrap_or_default();
    let event = PropertyEvent::AvailabilityBlocked(AvailabilityBlocked {
        property_id: id,
        occupation_id: id,
        kind: "maintenance".to_owned(),
        start: day,
        end: day,
    });
    let json = serde_json::to_value(&event).unwrap_or_default();
    assert_eq!(
        json,
        serde_json::json!({
            "propertyId": id, "occupationId": id, "kind": "maintenance",
            "start": "2027-07-03", "end": "2027-07-03"
        })
    );
    let payload: AvailabilityBlocked =
        serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(PropertyEvent::AvailabilityBlocked(payload), event);
    assert_eq!(event.event_type(), "properties.AvailabilityBlocked");
}
