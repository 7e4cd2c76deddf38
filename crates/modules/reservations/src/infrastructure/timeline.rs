//! The reservation timeline: a consumer records every reservation event it receives from
//! the outbox (`reservations.timeline`, one row per event id, so a redelivery changes
//! nothing), and the timeline query reads them back in order.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::AppError;
use sejour_infrastructure::{
    db::storage_error,
    queue::{Consumer, ConsumerError, Delivery, Subscription},
};
use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::events::types;

/// One event of a reservation's history.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct TimelineEntry {
    /// The event's id.
    pub event_id: Uuid,
    /// Its type (`reservations.ReservationCreated`...).
    pub event_type: String,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// Who caused it (`user:<id>`, `system:<job>`).
    pub actor: Option<String>,
    /// Its payload.
    pub payload: serde_json::Value,
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

/// The recorded events of a reservation, oldest first.
pub async fn timeline(pool: &PgPool, reservation_id: Uuid) -> Result<Vec<TimelineEntry>, AppError> {
    sqlx::query_as(
        "SELECT event_id, event_type, occurred_at, actor, payload FROM reservations.timeline \
         WHERE reservation_id = $1 ORDER BY occurred_at, event_id",
    )
    .bind(reservation_id)
    .fetch_all(pool)
    .await
    .map_err(storage_error)
}
