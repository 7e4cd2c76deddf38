//! `Idempotency-Key`s of reservation creates (`reservations.idempotency_keys`).
//!
//! The key is claimed inside the create's transaction, before anything else is written:
//! a concurrent request with the same key waits on the primary key until the first
//! commits (then replays its response) or rolls back (then goes ahead itself). A failed
//! create leaves no key behind, so the client may retry it.

use chrono::{DateTime, Utc};
use sejour_core::AppError;
use sejour_infrastructure::db::storage_error;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// What a claimed key found.
#[derive(Debug, Clone, PartialEq)]
pub enum Claim {
    /// The key is new: go ahead, then [`record`] the response.
    New,
    /// The same request was done before: its response.
    Replay(serde_json::Value),
    /// The key was used for another request.
    Mismatch,
}

/// Claims `key` for `scope` (the caller) and a request hashed `request_hash`, on `conn`
/// (the create's transaction).
pub async fn claim(
    conn: &mut PgConnection,
    scope: &str,
    key: &str,
    request_hash: &str,
    reservation_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Claim, AppError> {
    let inserted = sqlx::query(
        "INSERT INTO reservations.idempotency_keys \
         (scope, key, request_hash, reservation_id, response, created_at) \
         VALUES ($1, $2, $3, $4, 'null'::jsonb, $5) ON CONFLICT (scope, key) DO NOTHING",
    )
    .bind(scope)
    .bind(key)
    .bind(request_hash)
    .bind(reservation_id)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map_err(storage_error)?
    .rows_affected();
    if inserted == 1 {
        return Ok(Claim::New);
    }
    let (hash, response): (String, serde_json::Value) = sqlx::query_as(
        "SELECT request_hash, response FROM reservations.idempotency_keys \
         WHERE scope = $1 AND key = $2",
    )
    .bind(scope)
    .bind(key)
    .fetch_one(&mut *conn)
    .await
    .map_err(storage_error)?;
    Ok(if hash == request_hash {
        Claim::Replay(response)
    } else {
        Claim::Mismatch
    })
}

/// Records the response of the request that claimed `key`, in its transaction.
pub async fn record(
    conn: &mut PgConnection,
    scope: &str,
    key: &str,
    response: &serde_json::Value,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE reservations.idempotency_keys SET response = $3 WHERE scope = $1 AND key = $2",
    )
    .bind(scope)
    .bind(key)
    .bind(response)
    .execute(conn)
    .await
    .map_err(storage_error)?;
    Ok(())
}

/// Forgets keys claimed before `before`; returns how many.
pub async fn purge(pool: &PgPool, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM reservations.idempotency_keys WHERE created_at < $1")
            .bind(before)
            .execute(pool)
            .await?
            .rows_affected(),
    )
}
