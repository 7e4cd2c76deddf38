//! [`PasswordResetRepository`]: emailed one-time reset tokens, stored hashed.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Tx};
use uuid::Uuid;

/// Password-reset tokens (their hashes).
#[async_trait]
pub trait PasswordResetRepository: Send + Sync + 'static {
    /// Stores a reset token's hash for `user_id`, valid until `expires_at`, in `tx`.
    async fn add(
        &self,
        tx: &mut Tx,
        token_hash: &str,
        user_id: Uuid,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), AppError>;

    /// Uses a reset token: marks it used if it is unused and unexpired, returning its
    /// user. A token works once.
    async fn use_token(
        &self,
        tx: &mut Tx,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Uuid>, AppError>;
}
