//! Replay a dead letter: back in the queue with a fresh budget of attempts, audited in
//! the same transaction.

use sejour_core::{AppError, Clock, Ctx, IdGenerator};
use sejour_infrastructure::queue::dead_letters;
use sqlx::PgPool;

use crate::{
    application::{AuditEntry, storage_error},
    infrastructure::repository,
};

/// Replays dead delivery `id`; 404 when there is no such dead letter.
pub async fn replay_dead_letter(
    pool: &PgPool,
    clock: &dyn Clock,
    ids: &dyn IdGenerator,
    ctx: &Ctx,
    id: i64,
) -> Result<(), AppError> {
    let Some(dead) = dead_letters::get(pool, id).await.map_err(storage_error)? else {
        return Err(AppError::not_found("dead_letter"));
    };
    let mut tx = pool.begin().await.map_err(storage_error)?;
    if !dead_letters::replay(&mut tx, id, clock.now())
        .await
        .map_err(storage_error)?
    {
        return Err(AppError::not_found("dead_letter"));
    }
    let entry = AuditEntry::new(
        ctx,
        "admin.dead_letter_replayed",
        "delivery",
        Some(id.to_string()),
    )
    .before(serde_json::json!({
        "status": "dead",
        "consumer": dead.consumer,
        "attempts": dead.attempts,
        "lastError": dead.last_error,
        "messageId": dead.message_id,
        "messageType": dead.message_type,
    }))
    .after(serde_json::json!({ "status": "pending", "attempts": 0 }));
    repository::append(&mut tx, clock, ids, entry)
        .await
        .map_err(storage_error)?;
    tx.commit().await.map_err(storage_error)?;
    Ok(())
}
