//! `IcalFeedRepository`: the imported calendars, their health and their blocks.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Tx, value_objects::DateRange};
use uuid::Uuid;

use crate::domain::calendar::{Feed, FeedBlock};

/// The imported calendar feeds.
#[async_trait]
pub trait IcalFeedRepository: Send + Sync + 'static {
    /// Registers a feed; 409 `ical.feed_exists` when the property already imports this URL.
    async fn add(&self, tx: &mut Tx, feed: &Feed) -> Result<(), AppError>;

    /// Removes a feed and its blocks; whether it existed.
    async fn remove(&self, tx: &mut Tx, property_id: Uuid, id: Uuid) -> Result<bool, AppError>;

    /// One feed.
    async fn find_by_id(&self, id: Uuid) -> Result<Option<Feed>, AppError>;

    /// A property's feeds, oldest first.
    async fn list(&self, property_id: Uuid) -> Result<Vec<Feed>, AppError>;

    /// Every feed's id, for the scheduled sync.
    async fn all_ids(&self) -> Result<Vec<Uuid>, AppError>;

    /// Records a successful sync and its conflicts.
    async fn record_success(
        &self,
        tx: &mut Tx,
        id: Uuid,
        at: DateTime<Utc>,
        conflicts: usize,
    ) -> Result<(), AppError>;

    /// Records a failed sync; the feed's blocks stay as they were.
    async fn record_failure(
        &self,
        id: Uuid,
        at: DateTime<Utc>,
        error: &str,
    ) -> Result<(), AppError>;

    /// The feed's blocks as stored.
    async fn blocks(&self, tx: &mut Tx, feed_id: Uuid) -> Result<Vec<FeedBlock>, AppError>;

    /// The property's other occupations (reservations, stays, maintenance, other feeds).
    async fn other_occupations(
        &self,
        tx: &mut Tx,
        property_id: Uuid,
        feed_id: Uuid,
    ) -> Result<Vec<DateRange>, AppError>;
}
