//! [`CredentialRepository`]: users' password hashes.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Tx};
use uuid::Uuid;

/// Password hashes, one per user.
#[async_trait]
pub trait CredentialRepository: Send + Sync + 'static {
    /// Stores (or replaces) a user's password hash, in `tx`.
    async fn set_password_hash(
        &self,
        tx: &mut Tx,
        user_id: Uuid,
        hash: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError>;

    /// A user's password hash, if they have one.
    async fn password_hash(&self, user_id: Uuid) -> Result<Option<String>, AppError>;
}
