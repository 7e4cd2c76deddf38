//! [`PgPasswordResetRepository`]: `auth.password_resets`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Tx};
use sejour_infrastructure::{db::StorageResult, store::pg};
use uuid::Uuid;

use crate::domain::PasswordResetRepository;

/// Reset tokens' hashes in `auth.password_resets` (always in the caller's transaction).
#[derive(Clone, Copy, Default)]
pub struct PgPasswordResetRepository;

#[async_trait]
impl PasswordResetRepository for PgPasswordResetRepository {
    async fn add(
        &self,
        tx: &mut Tx,
        token_hash: &str,
        user_id: Uuid,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO auth.password_resets (token_hash, user_id, created_at, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(now)
        .bind(expires_at)
        .execute(pg(tx)?)
        .await
        .storage()?;
        Ok(())
    }

    async fn use_token(
        &self,
        tx: &mut Tx,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Uuid>, AppError> {
        sqlx::query_scalar(
            "UPDATE auth.password_resets SET used_at = $2 \
             WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(pg(tx)?)
        .await
        .storage()
    }
}
