//! [`SessionRepository`]: sessions (refresh-token families) and their refresh tokens.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Tx};
use uuid::Uuid;

use crate::domain::{PresentedToken, RevokeReason};

/// Sessions and their refresh tokens (stored hashed).
#[async_trait]
pub trait SessionRepository: Send + Sync + 'static {
    /// Opens a session with its first refresh token, in `tx`.
    async fn open_session(
        &self,
        tx: &mut Tx,
        session_id: Uuid,
        user_id: Uuid,
        refresh_hash: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), AppError>;

    /// Adds a refresh token to a session, in `tx`.
    async fn add_refresh_token(
        &self,
        tx: &mut Tx,
        session_id: Uuid,
        user_id: Uuid,
        refresh_hash: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), AppError>;

    /// Finds a refresh token by hash and locks it and its session until `tx` ends
    /// (concurrent refreshes serialise here).
    async fn lock_refresh_token(
        &self,
        tx: &mut Tx,
        refresh_hash: &str,
    ) -> Result<Option<PresentedToken>, AppError>;

    /// Marks a refresh token spent, in `tx`.
    async fn spend_refresh_token(
        &self,
        tx: &mut Tx,
        refresh_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError>;

    /// Revokes one session, in `tx`; returns whether it was still active.
    async fn revoke_session(
        &self,
        tx: &mut Tx,
        session_id: Uuid,
        reason: RevokeReason,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError>;

    /// Revokes every active session of a user but `keep`, in `tx`; returns how many.
    async fn revoke_user_sessions(
        &self,
        tx: &mut Tx,
        user_id: Uuid,
        keep: Option<Uuid>,
        reason: RevokeReason,
        now: DateTime<Utc>,
    ) -> Result<u64, AppError>;

    /// Whether a session exists and is not revoked (one read, on every request).
    async fn session_is_active(&self, session_id: Uuid) -> Result<bool, AppError>;
}
