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
        ReservationUpdated, event_types as types,
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
