//! The `properties.sync_ical_feeds` job: syncs every imported calendar.

use async_trait::async_trait;
use sejour_core::Ctx;
use sejour_infrastructure::queue::{Consumer, ConsumerError, Delivery, Subscription};

use super::{PgPropertyRepository, feeds, ical::fetch::FeedFetcher};
use crate::application::commands::sync_feed::sync_feed;

/// The job's name; the scheduler enqueues it.
pub const JOB: &str = "properties.sync_ical_feeds";

/// Syncs each feed in turn; one feed's failure is recorded on it and does not stop the
/// others.
pub struct SyncIcalFeeds {
    repo: PgPropertyRepository,
    fetcher: FeedFetcher,
}

impl SyncIcalFeeds {
    /// The job handler.
    pub fn new(repo: PgPropertyRepository, fetcher: FeedFetcher) -> Self {
        Self { repo, fetcher }
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
        let ids = feeds::all_ids(self.repo.pool())
            .await
            .map_err(|e| ConsumerError::Retry(e.to_string()))?;
        let ctx = Ctx::system("ical-sync", delivery.message.id.to_string());
        for id in ids {
            if let Err(e) = sync_feed(&self.repo, &self.fetcher, &ctx, id).await {
                let cause = e.internal.clone().unwrap_or_else(|| e.message.clone());
                tracing::warn!(feed = %id, error = %cause, "calendar feed sync failed");
                let _ = feeds::record_failure(
                    self.repo.pool(),
                    id,
                    self.repo.clock().now(),
                    &format!("{}: {}", e.code, e.message),
                )
                .await;
            }
        }
        Ok(())
    }
}
