//! What a consumer implements, and the helper that makes its effect happen once.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::{PgPool, Postgres, Transaction};

use super::Message;

/// What a consumer receives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subscription {
    /// Events of one type, e.g. `reservations.ReservationCreated`.
    Event(&'static str),
    /// Every event (audit, for instance). Never jobs.
    AllEvents,
    /// Jobs of one name, e.g. `queue.purge_delivered`.
    Job(&'static str),
}

impl Subscription {
    /// The value stored in `queue.subscriptions.message_type`.
    pub fn message_type(&self) -> &'static str {
        match self {
            Subscription::Event(t) | Subscription::Job(t) => t,
            Subscription::AllEvents => "*",
        }
    }
}

/// Why a delivery failed.
#[derive(Debug, thiserror::Error)]
pub enum ConsumerError {
    /// Worth retrying later (a dependency is down, a deadlock...).
    #[error("{0}")]
    Retry(String),
    /// Will never succeed (undecodable payload...): dead-letter at once.
    #[error("{0}")]
    Permanent(String),
}

impl From<sqlx::Error> for ConsumerError {
    fn from(e: sqlx::Error) -> Self {
        ConsumerError::Retry(format!("database: {e}"))
    }
}

/// A consumer of events and/or jobs. Consumers must be idempotent: a message may be
/// delivered more than once (at-least-once). Database effects get exactly-once through
/// [`Delivery::once`].
#[async_trait]
pub trait Consumer: Send + Sync + 'static {
    /// A stable name; each consumer has its own delivery state per message.
    fn name(&self) -> &'static str;
    /// What it receives.
    fn subscriptions(&self) -> Vec<Subscription>;
    /// Handles one delivery.
    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError>;
}

/// One delivery of a message to a consumer.
#[derive(Debug, Clone)]
pub struct Delivery {
    /// The delivery's id.
    pub id: i64,
    /// This consumer's name.
    pub consumer: String,
    /// 1 on the first attempt.
    pub attempt: i32,
    /// The message.
    pub message: Message,
    /// When the worker started this attempt.
    pub started_at: DateTime<Utc>,
    /// The database the delivery lives in.
    pub pool: PgPool,
}

impl Delivery {
    /// The pool, for consumers that do work outside a transaction.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Begins a transaction in which this delivery is marked done. Write the consumer's
    /// database effects in it and commit: the effect and the delivery's completion commit
    /// together, so a redelivered message finds `None` here and does nothing again.
    /// Concurrent holders of the same delivery serialise on its row.
    pub async fn once(&self) -> Result<Option<Transaction<'static, Postgres>>, ConsumerError> {
        let mut tx = self.pool.begin().await?;
        let marked = sqlx::query(
            "UPDATE queue.deliveries SET status = 'done', done_at = $2, updated_at = $2, \
             locked_by = NULL WHERE id = $1 AND status IN ('running', 'pending')",
        )
        .bind(self.id)
        .bind(self.started_at)
        .execute(&mut *tx)
        .await?;
        if marked.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(None);
        }
        Ok(Some(tx))
    }
}
