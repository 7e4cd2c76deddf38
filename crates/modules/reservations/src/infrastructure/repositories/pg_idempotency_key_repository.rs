//! `PgIdempotencyKeyRepository`: the `Idempotency-Key`s of reservation creates
//! (`reservations.idempotency_keys`). Claiming inserts the key first: a concurrent
//! request with the same key waits on the primary key until the first commits or rolls
//! back.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Tx};
use sejour_infrastructure::{db::StorageResult, store::pg};
use sqlx::PgPool;
use uuid::Uuid;

use crate::{
    application::Json,
    domain::{Claim, IdempotencyKeyRepository},
};

/// The keys in PostgreSQL.
#[derive(Clone)]
pub struct PgIdempotencyKeyRepository {
    pool: PgPool,
}

impl PgIdempotencyKeyRepository {
    /// The keys on `pool` (purges run on it; claims in the caller's transaction).
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

#[async_trait]
impl IdempotencyKeyRepository for PgIdempotencyKeyRepository {
    type Response = Json;

    async fn claim(
        &self,
        tx: &mut Tx,
        scope: &str,
        key: &str,
        request_hash: &str,
        reservation_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Claim<Json>, AppError> {
        let conn = pg(tx)?;
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
        .storage()?
        .rows_affected();
        if inserted == 1 {
            return Ok(Claim::New);
        }
        let (hash, response): (String, Json) = sqlx::query_as(
            "SELECT request_hash, response FROM reservations.idempotency_keys \
             WHERE scope = $1 AND key = $2",
        )
        .bind(scope)
        .bind(key)
        .fetch_one(&mut *conn)
        .await
        .storage()?;
        Ok(if hash == request_hash {
            Claim::Replay(response)
        } else {
            Claim::Mismatch
        })
    }

    async fn record(
        &self,
        tx: &mut Tx,
        scope: &str,
        key: &str,
        response: &Json,
    ) -> Result<(), AppError> {
        sqlx::query(
            "UPDATE reservations.idempotency_keys SET response = $3 WHERE scope = $1 AND key = $2",
        )
        .bind(scope)
        .bind(key)
        .bind(response)
        .execute(pg(tx)?)
        .await
        .storage()?;
        Ok(())
    }

    async fn purge(&self, before: DateTime<Utc>) -> Result<u64, AppError> {
        Ok(
            sqlx::query("DELETE FROM reservations.idempotency_keys WHERE created_at < $1")
                .bind(before)
                .execute(&self.pool)
                .await
                .storage()?
                .rows_affected(),
        )
    }
}
