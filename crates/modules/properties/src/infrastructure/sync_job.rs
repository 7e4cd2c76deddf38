//! The `properties.sync_ical_feeds` job: syncs every imported calendar.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::Ctx;
use sejour_infrastructure::queue::{Consumer, ConsumerError, Delivery, Subscription};

use crate::{
    application::{Properties, commands::sync_feed::sync_feed},
    domain::gateways::FeedSource,
};

/// The job's name; the scheduler enqueues it.
pub const JOB: &str = "properties.sync_ical_feeds";

/// Syncs each feed in turn; one feed's failure is recorded on it and does not stop the
/// others.
pub struct SyncIcalFeeds {
    app: Properties,
    source: Arc<dyn FeedSource>,
}

impl SyncIcalFeeds {
    /// The job handler.
    pub fn new(app: Properties, source: Arc<dyn FeedSource>) -> Self {
        Self { app, source }
    }
}

#[async_trait]
impl Consumer for SyncIcalFeeds {
    fn name(&self) -> &'static str {
        "properties.ical_sync"
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        vec![Subscription::Job(JOB)]
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        let ids = self
            .app
            .feeds
            .all_ids()
            .await
            .map_err(|e| ConsumerError::Retry(e.to_string()))?;
        let ctx = Ctx::system("ical-sync", delivery.message.id.to_string());
        for id in ids {
            if let Err(e) = sync_feed(&self.app, self.source.as_ref(), &ctx, id).await {
                let cause = e.internal.clone().unwrap_or_else(|| e.message.clone());
                tracing::warn!(feed = %id, error = %cause, "calendar feed sync failed");
                let _ = self
                    .app
                    .feeds
                    .record_failure(
                        id,
                        self.app.clock.now(),
                        &format!("{}: {}", e.code, e.message),
                    )
                    .await;
            }
        }
        Ok(())
    }
}
