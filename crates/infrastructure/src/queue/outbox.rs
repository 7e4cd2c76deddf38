//! Writing messages inside the caller's transaction.
//!
//! Pass the business transaction (`&mut *tx`): the message commits with the state change
//! or not at all, so a rolled-back transaction never delivers anything.

use chrono::{DateTime, Utc};
use sejour_core::{Clock, Ctx, EventEnvelope, IdGenerator};
use sqlx::PgConnection;
use uuid::Uuid;

use super::MessageKind;

/// Stores `event` on the outbox; the database fans it out to every subscribed consumer.
pub async fn publish(conn: &mut PgConnection, event: &EventEnvelope) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO queue.messages (id, kind, type, aggregate_type, aggregate_id, version, \
         payload, occurred_at, correlation_id, causation_id, actor, ip) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(event.id)
    .bind(MessageKind::Event.as_str())
    .bind(&event.event_type)
    .bind(&event.aggregate_type)
    .bind(&event.aggregate_id)
    .bind(event.version)
    .bind(&event.payload)
    .bind(event.occurred_at)
    .bind(&event.correlation_id)
    .bind(&event.causation_id)
    .bind(&event.actor)
    .bind(&event.ip)
    .execute(conn)
    .await?;
    Ok(())
}

/// A job to enqueue: a name (the handler subscribes to it) and a JSON payload.
#[derive(Debug, Clone)]
pub struct JobRequest {
    /// The job's name, e.g. `queue.purge_delivered`.
    pub name: String,
    /// Its input.
    pub payload: serde_json::Value,
    /// Not before this instant (`None`: as soon as possible).
    pub not_before: Option<DateTime<Utc>>,
}

impl JobRequest {
    /// A job to run as soon as possible.
    pub fn new(name: impl Into<String>, payload: serde_json::Value) -> Self {
        Self {
            name: name.into(),
            payload,
            not_before: None,
        }
    }

    /// The same job, not before `at`.
    pub fn not_before(mut self, at: DateTime<Utc>) -> Self {
        self.not_before = Some(at);
        self
    }
}

/// Enqueues `job` in the caller's transaction; returns the message id.
pub async fn enqueue(
    conn: &mut PgConnection,
    job: &JobRequest,
    ctx: &Ctx,
    clock: &dyn Clock,
    ids: &dyn IdGenerator,
) -> Result<Uuid, sqlx::Error> {
    let id = ids.new_id();
    sqlx::query(
        "INSERT INTO queue.messages (id, kind, type, payload, occurred_at, not_before, \
         correlation_id, causation_id, actor) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(id)
    .bind(MessageKind::Job.as_str())
    .bind(&job.name)
    .bind(&job.payload)
    .bind(clock.now())
    .bind(job.not_before)
    .bind(&ctx.correlation_id)
    .bind(ctx.causation_id.as_ref().unwrap_or(&ctx.request_id))
    .bind(ctx.actor.label())
    .execute(conn)
    .await?;
    Ok(id)
}
