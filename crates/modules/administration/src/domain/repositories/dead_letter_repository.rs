//! [`DeadLetterRepository`]: deliveries the queue gave up on.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Tx};
use uuid::Uuid;

/// What the audit row of a replay records about the dead letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadLetterSummary {
    /// The consumer that failed.
    pub consumer: String,
    /// How many attempts were made.
    pub attempts: i32,
    /// The last error.
    pub last_error: Option<String>,
    /// The message's id.
    pub message_id: Uuid,
    /// The event type or job name.
    pub message_type: String,
}

/// The queue's dead letters.
#[async_trait]
pub trait DeadLetterRepository: Send + Sync + 'static {
    /// The dead delivery `id`, if there is one.
    async fn find(&self, id: i64) -> Result<Option<DeadLetterSummary>, AppError>;

    /// Puts dead delivery `id` back in the queue with a fresh budget of attempts, inside
    /// `tx`; false when there is no such dead delivery.
    async fn replay(&self, tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<bool, AppError>;
}
