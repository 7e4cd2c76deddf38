//! The `queue.purge_delivered` job: deletes messages whose every delivery is done and
//! that are older than the retention period. Dead letters are kept.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::Clock;

use super::{Consumer, ConsumerError, Delivery, Subscription};

/// The job's name; the scheduler enqueues it.
pub const JOB: &str = "queue.purge_delivered";

/// Deletes old, fully delivered messages in batches.
pub struct PurgeDelivered {
    clock: Arc<dyn Clock>,
    retention: chrono::Duration,
}

impl PurgeDelivered {
    /// Purges messages older than `retention_days`.
    pub fn new(clock: Arc<dyn Clock>, retention_days: u32) -> Self {
        Self {
            clock,
            retention: chrono::Duration::days(i64::from(retention_days)),
        }
    }
}

#[async_trait]
impl Consumer for PurgeDelivered {
    fn name(&self) -> &'static str {
        "queue.purge"
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        vec![Subscription::Job(JOB)]
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        let cutoff = self.clock.now() - self.retention;
        let mut total = 0u64;
        loop {
            let deleted = sqlx::query(
                "DELETE FROM queue.messages WHERE id IN ( \
                   SELECT m.id FROM queue.messages m \
                    WHERE m.created_at < $1 AND m.occurred_at < $1 AND m.id <> $2 \
                      AND NOT EXISTS (SELECT 1 FROM queue.deliveries d \
                                       WHERE d.message_id = m.id AND d.status <> 'done') \
                    LIMIT 5000)",
            )
            .bind(cutoff)
            .bind(delivery.message.id)
            .execute(delivery.pool())
            .await?
            .rows_affected();
            total += deleted;
            if deleted < 5000 {
                break;
            }
        }
        tracing::info!(purged = total, %cutoff, "purged delivered messages");
        Ok(())
    }
}
