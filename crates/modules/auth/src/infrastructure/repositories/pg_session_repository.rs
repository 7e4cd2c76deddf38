//! [`PgSessionRepository`]: `auth.sessions` and `auth.refresh_tokens`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Tx};
use sejour_infrastructure::{db::StorageResult, store::pg};
use sqlx::{PgConnection, PgExecutor, PgPool};
use uuid::Uuid;

use crate::domain::{PresentedToken, RevokeReason, SessionRepository, StoredRefreshToken};

/// Sessions and refresh tokens in the `auth` schema.
#[derive(Clone)]
pub struct PgSessionRepository {
    pool: PgPool,
}

impl PgSessionRepository {
    /// The repository on `pool` (for reads; writes use the caller's transaction).
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

#[async_trait]
impl SessionRepository for PgSessionRepository {
    async fn open_session(
        &self,
        tx: &mut Tx,
        session_id: Uuid,
        user_id: Uuid,
        refresh_hash: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), AppError> {
        open_session(pg(tx)?, session_id, user_id, refresh_hash, now, expires_at)
            .await
            .storage()
    }

    async fn add_refresh_token(
        &self,
        tx: &mut Tx,
        session_id: Uuid,
        user_id: Uuid,
        refresh_hash: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), AppError> {
        add_refresh_token(pg(tx)?, session_id, user_id, refresh_hash, now, expires_at)
            .await
            .storage()
    }

    async fn lock_refresh_token(
        &self,
        tx: &mut Tx,
        refresh_hash: &str,
    ) -> Result<Option<PresentedToken>, AppError> {
        lock_refresh_token(pg(tx)?, refresh_hash).await.storage()
    }

    async fn spend_refresh_token(
        &self,
        tx: &mut Tx,
        refresh_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        spend_refresh_token(pg(tx)?, refresh_hash, now)
            .await
            .storage()
    }

    async fn revoke_session(
        &self,
        tx: &mut Tx,
        session_id: Uuid,
        reason: RevokeReason,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        revoke_session(pg(tx)?, session_id, reason, now)
            .await
            .storage()
    }

    async fn revoke_user_sessions(
        &self,
        tx: &mut Tx,
        user_id: Uuid,
        keep: Option<Uuid>,
        reason: RevokeReason,
        now: DateTime<Utc>,
    ) -> Result<u64, AppError> {
        revoke_user_sessions(pg(tx)?, user_id, keep, reason, now)
            .await
            .storage()
    }

    async fn session_is_active(&self, session_id: Uuid) -> Result<bool, AppError> {
        session_is_active(&self.pool, session_id).await.storage()
    }
}

/// Opens a session with its first refresh token.
async fn open_session(
    conn: &mut PgConnection,
    session_id: Uuid,
    user_id: Uuid,
    refresh_hash: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO auth.sessions (id, user_id, created_at) VALUES ($1, $2, $3)")
        .bind(session_id)
        .bind(user_id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    add_refresh_token(conn, session_id, user_id, refresh_hash, now, expires_at).await
}

/// Adds a refresh token to a session.
async fn add_refresh_token(
    conn: &mut PgConnection,
    session_id: Uuid,
    user_id: Uuid,
    refresh_hash: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO auth.refresh_tokens (token_hash, session_id, user_id, issued_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(refresh_hash)
    .bind(session_id)
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// `(session_id, user_id, expires_at, spent_at, session revoked_at)`.
type TokenRow = (
    Uuid,
    Uuid,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
);

/// Finds a refresh token by hash and locks it (concurrent refreshes serialise here).
async fn lock_refresh_token(
    conn: &mut PgConnection,
    refresh_hash: &str,
) -> Result<Option<PresentedToken>, sqlx::Error> {
    let row: Option<TokenRow> = sqlx::query_as(
        "SELECT t.session_id, t.user_id, t.expires_at, t.spent_at, s.revoked_at \
               FROM auth.refresh_tokens t JOIN auth.sessions s ON s.id = t.session_id \
              WHERE t.token_hash = $1 FOR UPDATE OF t, s",
    )
    .bind(refresh_hash)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(
        |(session_id, user_id, expires_at, spent_at, revoked_at)| PresentedToken {
            session_id,
            user_id,
            state: StoredRefreshToken {
                expires_at,
                spent_at,
                session_revoked_at: revoked_at,
            },
        },
    ))
}

/// Marks a refresh token spent.
async fn spend_refresh_token(
    conn: &mut PgConnection,
    refresh_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE auth.refresh_tokens SET spent_at = $2 WHERE token_hash = $1")
        .bind(refresh_hash)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Revokes one session; returns whether it was still active.
async fn revoke_session(
    conn: &mut PgConnection,
    session_id: Uuid,
    reason: RevokeReason,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE auth.sessions SET revoked_at = $2, revoked_reason = $3 \
         WHERE id = $1 AND revoked_at IS NULL",
    )
    .bind(session_id)
    .bind(now)
    .bind(reason.as_str())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Revokes every active session of a user but `keep`; returns how many.
async fn revoke_user_sessions(
    conn: &mut PgConnection,
    user_id: Uuid,
    keep: Option<Uuid>,
    reason: RevokeReason,
    now: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE auth.sessions SET revoked_at = $3, revoked_reason = $4 \
         WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2)",
    )
    .bind(user_id)
    .bind(keep)
    .bind(now)
    .bind(reason.as_str())
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// Whether a session exists and is not revoked.
async fn session_is_active(db: impl PgExecutor<'_>, session_id: Uuid) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM auth.sessions WHERE id = $1 AND revoked_at IS NULL)",
    )
    .bind(session_id)
    .fetch_one(db)
    .await
}

/// Deletes expired refresh tokens, sessions left without tokens, and password-reset
/// tokens that expired; returns how many rows went.
pub async fn purge_expired(db: &sqlx::PgPool, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin().await?;
    let tokens = sqlx::query("DELETE FROM auth.refresh_tokens WHERE expires_at <= $1")
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    let sessions = sqlx::query(
        "DELETE FROM auth.sessions s WHERE NOT EXISTS \
         (SELECT 1 FROM auth.refresh_tokens t WHERE t.session_id = s.id)",
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let resets = sqlx::query("DELETE FROM auth.password_resets WHERE expires_at <= $1")
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(tokens + sessions + resets)
}
