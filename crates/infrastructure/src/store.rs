//! What every context's repository shares: the pool, the clock and id generator that
//! stamp event envelopes, transactions, and writing events on the outbox.

use std::sync::Arc;

use sejour_core::{AppError, Clock, Ctx, DomainEvent, EventEnvelope, IdGenerator};
use sqlx::{PgConnection, PgPool, Postgres, Transaction};

use crate::{db::storage_error, queue};

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

    /// Opens a transaction on the pool.
    pub async fn begin(&self) -> Result<Transaction<'static, Postgres>, AppError> {
        self.pool.begin().await.map_err(storage_error)
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
        queue::publish(conn, &envelope).await.map_err(storage_error)
    }
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
