//! [`PgCredentialRepository`]: `auth.credentials`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Tx};
use sejour_infrastructure::{db::StorageResult, store::pg};
use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::CredentialRepository;

/// Password hashes in `auth.credentials`.
#[derive(Clone)]
pub struct PgCredentialRepository {
    pool: PgPool,
}

impl PgCredentialRepository {
    /// The repository on `pool` (for reads; writes use the caller's transaction).
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

#[async_trait]
impl CredentialRepository for PgCredentialRepository {
    async fn set_password_hash(
        &self,
        tx: &mut Tx,
        user_id: Uuid,
        hash: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO auth.credentials (user_id, password_hash, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, \
             updated_at = EXCLUDED.updated_at",
        )
        .bind(user_id)
        .bind(hash)
        .bind(now)
        .execute(pg(tx)?)
        .await
        .storage()?;
        Ok(())
    }

    async fn password_hash(&self, user_id: Uuid) -> Result<Option<String>, AppError> {
        sqlx::query_scalar("SELECT password_hash FROM auth.credentials WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await
            .storage()
    }
}
