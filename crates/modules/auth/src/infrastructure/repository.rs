//! The auth schema: credentials, sessions, refresh tokens, password resets.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use crate::domain::StoredRefreshToken;

/// Why sessions are revoked (stored in `auth.sessions.revoked_reason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevokeReason {
    /// The user signed out.
    Logout,
    /// A spent refresh token was presented again.
    ReuseDetected,
    /// The user changed their password.
    PasswordChanged,
    /// The password was reset by email.
    PasswordReset,
}

impl RevokeReason {
    fn as_str(self) -> &'static str {
        match self {
            RevokeReason::Logout => "logout",
            RevokeReason::ReuseDetected => "reuse_detected",
            RevokeReason::PasswordChanged => "password_changed",
            RevokeReason::PasswordReset => "password_reset",
        }
    }
}

/// Stores (or replaces) a user's password hash.
pub async fn set_password_hash(
    conn: &mut PgConnection,
    user_id: Uuid,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO auth.credentials (user_id, password_hash, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, \
         updated_at = EXCLUDED.updated_at",
    )
    .bind(user_id)
    .bind(hash)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// A user's password hash.
pub async fn password_hash(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT password_hash FROM auth.credentials WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(db)
        .await
}

/// Opens a session with its first refresh token.
pub async fn open_session(
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
pub async fn add_refresh_token(
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

/// A presented refresh token, locked for the rest of the transaction.
pub struct PresentedToken {
    /// Its session.
    pub session_id: Uuid,
    /// Its user.
    pub user_id: Uuid,
    /// Its state.
    pub state: StoredRefreshToken,
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
pub async fn lock_refresh_token(
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
pub async fn spend_refresh_token(
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
pub async fn revoke_session(
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
pub async fn revoke_user_sessions(
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
pub async fn session_is_active(
    db: impl PgExecutor<'_>,
    session_id: Uuid,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM auth.sessions WHERE id = $1 AND revoked_at IS NULL)",
    )
    .bind(session_id)
    .fetch_one(db)
    .await
}

/// Stores a password-reset token's hash.
pub async fn add_password_reset(
    conn: &mut PgConnection,
    token_hash: &str,
    user_id: Uuid,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO auth.password_resets (token_hash, user_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Uses a password-reset token: marks it used if it is unused and unexpired, returning
/// its user. A token works once.
pub async fn use_password_reset(
    conn: &mut PgConnection,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE auth.password_resets SET used_at = $2 \
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(conn)
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
