//! Replay a dead letter: back in the queue with a fresh budget of attempts, audited in
//! the same transaction.

use std::sync::Arc;

use crate::application::AuditLog;

use sejour_core::{AppError, Clock, Ctx, UnitOfWork};

use crate::{
    application::AuditEntry,
    domain::repositories::DeadLetterRepository,
    published_language::{DEAD_LETTER_REPLAYED, DELIVERY},
};

/// Replays dead letters.
#[derive(Clone)]
pub struct ReplayDeadLetterHandler {
    dead_letters: Arc<dyn DeadLetterRepository>,
    audit: Arc<AuditLog>,
    unit_of_work: Arc<dyn UnitOfWork>,
    clock: Arc<dyn Clock>,
}

impl ReplayDeadLetterHandler {
    /// The use case on these ports.
    pub fn new(
        dead_letters: Arc<dyn DeadLetterRepository>,
        audit: Arc<AuditLog>,
        unit_of_work: Arc<dyn UnitOfWork>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self {
            dead_letters,
            audit,
            unit_of_work,
            clock,
        }
    }

    /// Replays dead delivery `id`; 404 when there is no such dead letter.
    pub async fn handle(&self, ctx: &Ctx, id: i64) -> Result<(), AppError> {
        let Some(dead) = self.dead_letters.find(id).await? else {
            return Err(AppError::not_found("dead_letter"));
        };
        let mut tx = self.unit_of_work.begin().await?;
        if !self
            .dead_letters
            .replay(&mut tx, id, self.clock.now())
            .await?
        {
            return Err(AppError::not_found("dead_letter"));
        }
        let entry = AuditEntry::new(ctx, DEAD_LETTER_REPLAYED, DELIVERY, Some(id.to_string()))
            .before(serde_json::json!({
                "status": "dead",
                "consumer": dead.consumer,
                "attempts": dead.attempts,
                "lastError": dead.last_error,
                "messageId": dead.message_id,
                "messageType": dead.message_type,
            }))
            .after(serde_json::json!({ "status": "pending", "attempts": 0 }));
        self.audit.append(&mut tx, entry).await?;
        self.unit_of_work.commit(tx).await
    }
}
