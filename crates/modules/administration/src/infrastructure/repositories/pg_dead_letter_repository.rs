//! [`PgDeadLetterRepository`]: the queue's dead letters on PostgreSQL.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Tx};
use sejour_infrastructure::{
    db::StorageResult,
    queue::dead_letters::{self, DeadLetter},
    store::pg,
};
use sqlx::PgPool;

use crate::domain::repositories::{DeadLetterRepository, DeadLetterSummary};

/// The queue's dead letters: the port the replay use case needs, and the reads the HTTP
/// edge shows as they are.
#[derive(Clone)]
pub struct PgDeadLetterRepository {
    pool: PgPool,
}

impl PgDeadLetterRepository {
    /// The dead letters on `pool`.
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }

    /// Dead letters, most recent first, after the `(dead_since, id)` cursor.
    pub async fn list(
        &self,
        consumer: Option<&str>,
        after: Option<(DateTime<Utc>, i64)>,
        limit: i64,
    ) -> Result<Vec<DeadLetter>, AppError> {
        dead_letters::list(&self.pool, consumer, after, limit)
            .await
            .storage()
    }

    /// One dead letter, whole.
    pub async fn get(&self, id: i64) -> Result<Option<DeadLetter>, AppError> {
        dead_letters::get(&self.pool, id).await.storage()
    }
}

#[async_trait]
impl DeadLetterRepository for PgDeadLetterRepository {
    async fn find(&self, id: i64) -> Result<Option<DeadLetterSummary>, AppError> {
        Ok(self.get(id).await?.map(|dead| DeadLetterSummary {
            consumer: dead.consumer,
            attempts: dead.attempts,
            last_error: dead.last_error,
            message_id: dead.message_id,
            message_type: dead.message_type,
        }))
    }

    async fn replay(&self, tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<bool, AppError> {
        dead_letters::replay(pg(tx)?, id, now).await.storage()
    }
}
