//! The reservation timeline: a consumer records every reservation event it receives from
//! the outbox (`reservations.timeline`, one row per event id, so a redelivery changes
//! nothing), after reading its payload as the published language's; the repository
//! reads them back in order.

use async_trait::async_trait;
use sejour_infrastructure::queue::{Consumer, ConsumerError, Delivery, Subscription};
use uuid::Uuid;

use crate::{
    application::Json,
    domain::ReservationEvent,
    published_language::{
        ReservationCancelled, ReservationCompleted, ReservationConfirmed, ReservationCreated,
        ReservationPaymentReceived, ReservationRefunded, ReservationUpdated, event_types as types,
    },
};

/// The event of type `event_type` whose payload is `payload`.
pub fn event_of(event_type: &str, payload: Json) -> Result<ReservationEvent, String> {
    let event = match event_type {
        types::CREATED => serde_json::from_value::<ReservationCreated>(payload)
            .map(ReservationEvent::ReservationCreated),
        types::UPDATED => serde_json::from_value::<ReservationUpdated>(payload)
            .map(ReservationEvent::ReservationUpdated),
        types::CONFIRMED => serde_json::from_value::<ReservationConfirmed>(payload)
            .map(ReservationEvent::ReservationConfirmed),
        types::CANCELLED => serde_json::from_value::<ReservationCancelled>(payload)
            .map(ReservationEvent::ReservationCancelled),
        types::COMPLETED => serde_json::from_value::<ReservationCompleted>(payload)
            .map(ReservationEvent::ReservationCompleted),
        types::PAYMENT_RECEIVED => serde_json::from_value::<ReservationPaymentReceived>(payload)
            .map(ReservationEvent::ReservationPaymentReceived),
        types::REFUNDED => serde_json::from_value::<ReservationRefunded>(payload)
            .map(ReservationEvent::ReservationRefunded),
        other => return Err(format!("{other} is not a reservation event")),
    };
    event.map_err(|e| format!("{event_type}: {e}"))
}

/// Records reservation events in the timeline.
pub struct TimelineRecorder;

#[async_trait]
impl Consumer for TimelineRecorder {
    fn name(&self) -> &'static str {
        "reservations.timeline"
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        types::ALL.into_iter().map(Subscription::Event).collect()
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        let message = &delivery.message;
        let reservation_id = message
            .aggregate_id
            .as_deref()
            .and_then(|id| Uuid::parse_str(id).ok())
            .ok_or_else(|| {
                ConsumerError::Permanent(format!("event {} names no reservation", message.id))
            })?;
        event_of(&message.message_type, message.payload.clone())
            .map_err(|e| ConsumerError::Permanent(format!("event {}: {e}", message.id)))?;
        sqlx::query(
            "INSERT INTO reservations.timeline \
             (event_id, reservation_id, event_type, occurred_at, actor, payload) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING",
        )
        .bind(message.id)
        .bind(reservation_id)
        .bind(&message.message_type)
        .bind(message.occurred_at)
        .bind(&message.actor)
        .bind(&message.payload)
        .execute(delivery.pool())
        .await?;
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use chrono::NaiveDate;
    use sejour_core::{
        DomainEvent,
        value_objects::{Currency, Money},
    };
    use serde_json::json;

    use super::*;
    use crate::published_language::ReservationField;

    #[test]
    fn given_events_when_serialized_then_the_payloads_are_the_published_objects_and_read_back() {
        let (reservation, property) = (Uuid::now_v7(), Uuid::now_v7());
        let day = |d| NaiveDate::from_ymd_opt(2027, 7, d).unwrap();
        let eur = |minor| Money::new(minor, Currency::EUR);
        let created = ReservationEvent::ReservationCreated(ReservationCreated {
            reservation_id: reservation,
            property_id: property,
            customer_id: None,
            check_in: day(10),
            check_out: day(17),
            guests: 3,
            total: eur(78_310),
            price_set_by_hand: false,
            quoted_total: eur(78_310),
        });
        assert_eq!(
            serde_json::to_value(&created).unwrap(),
            json!({
                "reservationId": reservation,
                "propertyId": property,
                "customerId": null,
                "checkIn": "2027-07-10",
                "checkOut": "2027-07-17",
                "guests": 3,
                "total": {"amount": 78_310, "currency": "EUR"},
                "priceSetByHand": false,
                "quotedTotal": {"amount": 78_310, "currency": "EUR"},
            })
        );
        let updated = ReservationEvent::ReservationUpdated(ReservationUpdated {
            reservation_id: reservation,
            fields: vec![ReservationField::Dates, ReservationField::Price],
            check_in: day(11),
            check_out: day(18),
            total: eur(60_000),
            price_set_by_hand: true,
        });
        assert_eq!(
            serde_json::to_value(&updated).unwrap()["fields"],
            json!(["dates", "price"])
        );
        let cancelled = ReservationEvent::ReservationCancelled(ReservationCancelled {
            reservation_id: reservation,
            property_id: property,
            reason: "expired".into(),
            cancelled_by: "system:reservations.expire_holds".into(),
            refund_due: eur(0),
        });
        for event in [created, updated, cancelled] {
            let payload = serde_json::to_value(&event).unwrap();
            assert_eq!(event_of(event.event_type(), payload).unwrap(), event);
        }
        assert!(event_of("reservations.Unknown", json!({})).is_err());
        assert!(event_of(types::CONFIRMED, json!({"reservationId": reservation})).is_err());
    }
}
