//! The `auth.purge_expired_tokens` job: deletes expired refresh and reset tokens.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::Clock;
use sejour_infrastructure::queue::{Consumer, ConsumerError, Delivery, Subscription};

use super::repositories::pg_session_repository;

/// The job's name; the scheduler enqueues it.
pub const JOB: &str = "auth.purge_expired_tokens";

/// Deletes expired tokens and the sessions left without any.
pub struct PurgeExpiredTokens {
    clock: Arc<dyn Clock>,
}

impl PurgeExpiredTokens {
    /// The job handler.
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        Self { clock }
    }
}

#[async_trait]
impl Consumer for PurgeExpiredTokens {
    fn name(&self) -> &'static str {
        "auth.purge"
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        vec![Subscription::Job(JOB)]
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        let purged =
            pg_session_repository::purge_expired(delivery.pool(), self.clock.now()).await?;
        tracing::info!(purged, "expired auth tokens purged");
        Ok(())
    }
}
