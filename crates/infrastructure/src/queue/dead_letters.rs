//! Dead-lettered deliveries: listed and replayed by the administration API.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::PgPool;
use utoipa::ToSchema;
use uuid::Uuid;

/// A delivery that exhausted its attempts (or failed permanently).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
pub struct DeadLetter {
    /// The delivery's id (use it to replay).
    pub id: i64,
    /// The consumer that failed.
    pub consumer: String,
    /// How many attempts were made.
    pub attempts: i32,
    /// The last error.
    pub last_error: Option<String>,
    /// When it was dead-lettered.
    pub dead_since: DateTime<Utc>,
    /// The message's id.
    pub message_id: Uuid,
    /// `event` or `job`.
    #[schema(value_type = super::MessageKind)]
    pub message_kind: String,
    /// The event type or job name.
    pub message_type: String,
    /// The message's payload.
    pub payload: serde_json::Value,
    /// When the message was written.
    pub occurred_at: DateTime<Utc>,
    /// The message's correlation id.
    pub correlation_id: Option<String>,
}

/// The columns of a [`DeadLetter`], for the queries below.
const SELECT: &str = "SELECT d.id, d.consumer, d.attempts, d.last_error, d.updated_at AS dead_since, \
        m.id AS message_id, m.kind AS message_kind, m.type AS message_type, m.payload, \
        m.occurred_at, m.correlation_id \
   FROM queue.deliveries d JOIN queue.messages m ON m.id = d.message_id";

/// Lists dead letters, most recent first, after the `(dead_since, id)` cursor.
pub async fn list(
    pool: &PgPool,
    consumer: Option<&str>,
    after: Option<(DateTime<Utc>, i64)>,
    limit: i64,
) -> Result<Vec<DeadLetter>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE d.status = 'dead' AND ($1::text IS NULL OR d.consumer = $1) \
            AND ($2::timestamptz IS NULL OR (d.updated_at, d.id) < ($2, $3)) \
          ORDER BY d.updated_at DESC, d.id DESC LIMIT $4"
    ))
    .bind(consumer)
    .bind(after.map(|a| a.0))
    .bind(after.map(|a| a.1).unwrap_or(0))
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// Fetches one dead letter.
pub async fn get(pool: &PgPool, id: i64) -> Result<Option<DeadLetter>, sqlx::Error> {
    sqlx::query_as(&format!("{SELECT} WHERE d.status = 'dead' AND d.id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// Puts a dead delivery back in the queue with a fresh budget of attempts, inside the
/// caller's transaction. Returns false when there is no such dead delivery.
pub async fn replay(
    conn: &mut sqlx::PgConnection,
    id: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let replayed = sqlx::query(
        "UPDATE queue.deliveries SET status = 'pending', attempts = 0, run_at = $2, \
         updated_at = $2, locked_by = NULL WHERE id = $1 AND status = 'dead'",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    if replayed.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query("SELECT pg_notify($1, '')")
        .bind(super::CHANNEL)
        .execute(&mut *conn)
        .await?;
    Ok(true)
}
