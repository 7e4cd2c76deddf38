//! What every context's repository shares: the pool, the clock and id generator that
//! stamp event envelopes, transactions, and writing events on the outbox.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sejour_core::{AppError, Clock, Ctx, DomainEvent, EventEnvelope, IdGenerator};
use sqlx::{
    PgConnection, PgExecutor, PgPool, Postgres, QueryBuilder, Transaction, postgres::PgRow,
};
use uuid::Uuid;

use async_trait::async_trait;
use sejour_core::{Tx, UnitOfWork};

use crate::{db::StorageResult, queue};

/// The shared core of a PostgreSQL repository. Repositories hold one and dereference
/// to it, so `repo.pool()`, `repo.clock()`, `repo.begin()` read the same everywhere.
#[derive(Clone)]
pub struct Store {
    pool: PgPool,
    clock: Arc<dyn Clock>,
    ids: Arc<dyn IdGenerator>,
}

impl Store {
    /// A store on `pool`; `clock` and `ids` stamp the events' envelopes.
    pub fn new(pool: PgPool, clock: Arc<dyn Clock>, ids: Arc<dyn IdGenerator>) -> Self {
        Self { pool, clock, ids }
    }

    /// The pool.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// The clock.
    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// The id generator.
    pub fn ids(&self) -> &dyn IdGenerator {
        self.ids.as_ref()
    }

    /// Business transactions on the pool.
    pub fn unit_of_work(&self) -> PgUnitOfWork {
        PgUnitOfWork::new(self.pool.clone())
    }

    /// Opens a transaction on the pool.
    pub async fn begin(&self) -> Result<Transaction<'static, Postgres>, AppError> {
        self.pool.begin().await.storage()
    }

    /// Writes `event` on the outbox inside the caller's transaction.
    pub async fn publish<E: DomainEvent>(
        &self,
        conn: &mut PgConnection,
        ctx: &Ctx,
        event: &E,
    ) -> Result<(), AppError> {
        let envelope = EventEnvelope::wrap(event, ctx, self.clock(), self.ids())
            .map_err(AppError::internal)?;
        queue::publish(conn, &envelope).await.storage()
    }

    /// Writes each of `events` on the outbox, in order, inside the caller's transaction.
    pub async fn publish_all<E: DomainEvent>(
        &self,
        conn: &mut PgConnection,
        ctx: &Ctx,
        events: Vec<E>,
    ) -> Result<(), AppError> {
        for event in &events {
            self.publish(conn, ctx, event).await?;
        }
        Ok(())
    }
}

/// Business transactions on PostgreSQL: a [`Tx`] holding a `sqlx` transaction, which the
/// PostgreSQL repositories reach with [`pg`].
#[derive(Clone)]
pub struct PgUnitOfWork {
    pool: PgPool,
}

impl PgUnitOfWork {
    /// Transactions on `pool`.
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

#[async_trait]
impl UnitOfWork for PgUnitOfWork {
    async fn begin(&self) -> Result<Tx, AppError> {
        Ok(Tx::new(self.pool.begin().await.storage()?))
    }

    async fn commit(&self, tx: Tx) -> Result<(), AppError> {
        tx.into_inner::<Transaction<'static, Postgres>>()?
            .commit()
            .await
            .storage()
    }
}

/// The PostgreSQL connection of a transaction begun by [`PgUnitOfWork`].
pub fn pg(tx: &mut Tx) -> Result<&mut PgConnection, AppError> {
    Ok(&mut **tx.get::<Transaction<'static, Postgres>>()?)
}

/// The row `select` (a query ending in `WHERE id = $1`) finds for `id`, locked until the
/// transaction ends when `lock` (then `executor` must be a transaction).
pub async fn row_by_id<'e>(
    executor: impl PgExecutor<'e>,
    select: &str,
    id: Uuid,
    lock: bool,
) -> Result<Option<PgRow>, AppError> {
    let sql = if lock {
        format!("{select} FOR UPDATE")
    } else {
        select.to_owned()
    };
    sqlx::query(&sql)
        .bind(id)
        .fetch_optional(executor)
        .await
        .storage()
}

/// Appends `AND (<col> ILIKE '%text%' OR ...)` over `columns`, `text` taken literally.
pub fn push_contains_any(query: &mut QueryBuilder<'_, Postgres>, columns: &[&str], text: &str) {
    let pattern = format!("%{}%", escape_like(text));
    query.push(" AND (FALSE");
    for column in columns {
        query
            .push(format!(" OR {column} ILIKE "))
            .push_bind(pattern.clone())
            .push(" ESCAPE '\\'");
    }
    query.push(")");
}

/// Appends the keyset page of a newest-first list: rows created before the cursor's
/// `(created_at, id)` when given, ordered by `created_at DESC, id DESC`, at most `limit`.
pub fn push_newest_first(
    query: &mut QueryBuilder<'_, Postgres>,
    before: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) {
    if let Some((created_at, id)) = before {
        query
            .push(" AND (created_at, id) < (")
            .push_bind(created_at)
            .push(", ")
            .push_bind(id)
            .push(")");
    }
    query
        .push(" ORDER BY created_at DESC, id DESC LIMIT ")
        .push_bind(limit);
}

/// `text` with the LIKE wildcards (`%`, `_`) and the escape character escaped, for a
/// literal substring search (`ILIKE '%' || $1 || '%'`).
pub fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_wildcards_and_the_escape_character_are_escaped() {
        assert_eq!(escape_like(r"50%_off\"), r"50\%\_off\\");
        assert_eq!(escape_like("plain"), "plain");
    }
}
