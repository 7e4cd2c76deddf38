//! Queue gauges, read from the database when `/metrics` is scraped.

use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// The queue's state at one instant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QueueStats {
    /// Deliveries not yet done (pending or running).
    pub depth: i64,
    /// Age in seconds of the oldest delivery not yet done (0 when none).
    pub oldest_pending_age_secs: f64,
    /// Dead-lettered deliveries.
    pub dead: i64,
}

/// Reads the queue's state and publishes it as gauges.
pub async fn refresh(pool: &PgPool, now: DateTime<Utc>) -> Result<QueueStats, sqlx::Error> {
    let (depth, oldest, dead): (i64, Option<DateTime<Utc>>, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM queue.deliveries WHERE status IN ('pending', 'running')), \
                (SELECT min(created_at) FROM queue.deliveries WHERE status IN ('pending', 'running')), \
                (SELECT count(*) FROM queue.deliveries WHERE status = 'dead')",
    )
    .fetch_one(pool)
    .await?;
    let age = oldest
        .map(|t| (now - t).num_milliseconds().max(0) as f64 / 1000.0)
        .unwrap_or(0.0);
    let stats = QueueStats {
        depth,
        oldest_pending_age_secs: age,
        dead,
    };
    metrics::gauge!("sejour_queue_depth").set(depth as f64);
    metrics::gauge!("sejour_queue_oldest_pending_age_seconds").set(age);
    metrics::gauge!("sejour_queue_dead_letters").set(dead as f64);
    Ok(stats)
}
