//! The scheduled jobs of the context, as queue consumers: the scheduler enqueues them,
//! a worker runs them.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::Duration;
use sejour_infrastructure::queue::{Consumer, ConsumerError, Delivery, Subscription};

use crate::application::{
    Reservations,
    commands::{complete_stays, expire_holds},
};

/// How long an `Idempotency-Key` is remembered.
pub const IDEMPOTENCY_RETENTION_HOURS: i64 = 24;
/// The job that forgets older idempotency keys.
pub const PURGE_KEYS_JOB: &str = "reservations.purge_idempotency_keys";

fn retry(e: sejour_core::AppError) -> ConsumerError {
    ConsumerError::Retry(e.internal.unwrap_or(e.message))
}

/// Runs the context's jobs.
pub struct ReservationJobs {
    svc: Arc<Reservations>,
}

impl ReservationJobs {
    /// The jobs' handler.
    pub fn new(svc: Arc<Reservations>) -> Self {
        Self { svc }
    }
}

#[async_trait]
impl Consumer for ReservationJobs {
    fn name(&self) -> &'static str {
        "reservations.jobs"
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        vec![
            Subscription::Job(expire_holds::JOB),
            Subscription::Job(complete_stays::JOB),
            Subscription::Job(PURGE_KEYS_JOB),
        ]
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        match delivery.message.message_type.as_str() {
            expire_holds::JOB => {
                let expired = expire_holds::expire_holds(&self.svc).await.map_err(retry)?;
                // Every minute: quiet unless something lapsed.
                if expired > 0 {
                    tracing::info!(expired, "lapsed reservation holds expired");
                }
            }
            complete_stays::JOB => {
                let completed = complete_stays::complete_stays(&self.svc)
                    .await
                    .map_err(retry)?;
                tracing::info!(completed, "finished stays completed");
            }
            PURGE_KEYS_JOB => {
                let before = self.svc.clock.now() - Duration::hours(IDEMPOTENCY_RETENTION_HOURS);
                let purged = self.svc.keys.purge(before).await.map_err(retry)?;
                tracing::info!(purged, "old idempotency keys purged");
            }
            other => {
                return Err(ConsumerError::Permanent(format!("unknown job {other}")));
            }
        }
        Ok(())
    }
}
