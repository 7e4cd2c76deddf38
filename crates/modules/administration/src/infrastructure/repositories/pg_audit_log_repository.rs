//! The audit log in PostgreSQL (`administration.audit_log`): [`PgAuditLogRepository`],
//! and the functions it (and the audit consumer, on its delivery's transaction) uses.
//!
//! Appending happens inside the caller's transaction, so an audit row commits with the
//! state change it describes, or not at all. Appenders serialise on an advisory lock
//! held until their transaction ends, so each reads the true head of the chain.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::{AppError, Clock, IdGenerator, Tx};
use sejour_infrastructure::{db::StorageResult, store::pg};
use sqlx::{
    Connection, PgConnection, PgExecutor, PgPool, Postgres, QueryBuilder, Row, postgres::PgRow,
};

use crate::{
    application::AuditEntry,
    domain::{
        AuditRecord, GENESIS_HASH,
        repositories::{AuditFilter, AuditLogRepository},
    },
};

/// The audit log on PostgreSQL.
#[derive(Clone)]
pub struct PgAuditLogRepository {
    pool: PgPool,
    clock: Arc<dyn Clock>,
    ids: Arc<dyn IdGenerator>,
}

impl PgAuditLogRepository {
    /// The audit log on `pool`; `clock` and `ids` stamp rows that come without.
    pub fn new(pool: PgPool, clock: Arc<dyn Clock>, ids: Arc<dyn IdGenerator>) -> Self {
        Self { pool, clock, ids }
    }
}

#[async_trait]
impl AuditLogRepository for PgAuditLogRepository {
    type Entry = AuditEntry;

    async fn append(&self, tx: &mut Tx, entry: AuditEntry) -> Result<AuditRecord, AppError> {
        append(pg(tx)?, self.clock.as_ref(), self.ids.as_ref(), entry)
            .await
            .storage()
    }

    async fn search(&self, filter: &AuditFilter, limit: i64) -> Result<Vec<AuditRecord>, AppError> {
        search(&self.pool, filter, limit).await.storage()
    }

    async fn batch(&self, after_seq: i64, limit: i64) -> Result<Vec<AuditRecord>, AppError> {
        fetch_batch(&self.pool, after_seq, limit).await.storage()
    }
}

/// The advisory lock appenders hold (until their transaction ends) while they chain a row.
pub const AUDIT_APPEND_LOCK_KEY: i64 = 0x5345_4a4f_5552_0001; // "SEJOUR" + 1

/// The columns of a record, in the order [`record_from_row`] reads them.
const COLUMNS: &str = "seq, id, occurred_at, actor, actor_role, action, target_type, target_id, \
     before, after, request_id, host(ip) AS ip, correlation_id, prev_hash, hash";

/// Appends `entry` to the audit log inside the transaction open on `conn`, and returns
/// the stored record.
///
/// Secrets are redacted first. The row is chained after the current head under
/// [`AUDIT_APPEND_LOCK_KEY`], which is held until the caller's transaction ends: keep
/// the transaction short after appending. `conn` must be in a READ COMMITTED
/// transaction (PostgreSQL's default): a transaction-wide snapshot could miss the head
/// written by a concurrent appender, so other isolation levels are refused with
/// [`sqlx::Error::InvalidArgument`], as is a connection outside a transaction.
pub async fn append(
    conn: &mut PgConnection,
    clock: &dyn Clock,
    ids: &dyn IdGenerator,
    entry: AuditEntry,
) -> Result<AuditRecord, sqlx::Error> {
    if !conn.is_in_transaction() {
        return Err(sqlx::Error::InvalidArgument(
            "audit rows are appended inside the caller's transaction; none is open".into(),
        ));
    }
    let mut entry = entry.sanitized();

    // A statement of its own: a READ COMMITTED statement's snapshot is taken when it
    // starts, so the head must be read by a later statement than the one that waits.
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(AUDIT_APPEND_LOCK_KEY)
        .execute(&mut *conn)
        .await?;

    // The head, and before/after as jsonb gives them back: the canonical text is hashed
    // from exactly what reading the row back will decode, whatever the numbers.
    let row = sqlx::query(
        "SELECT current_setting('transaction_isolation') AS isolation, \
                (SELECT hash FROM administration.audit_log ORDER BY seq DESC LIMIT 1) AS head, \
                $1::jsonb AS before, $2::jsonb AS after",
    )
    .bind(&entry.before)
    .bind(&entry.after)
    .fetch_one(&mut *conn)
    .await?;
    let isolation: String = row.try_get("isolation")?;
    if isolation != "read committed" {
        return Err(sqlx::Error::InvalidArgument(format!(
            "audit rows are appended in READ COMMITTED transactions, not {isolation}"
        )));
    }
    let prev_hash = row
        .try_get::<Option<String>, _>("head")?
        .unwrap_or_else(|| GENESIS_HASH.to_owned());
    let stored_before = entry.before.take();
    let stored_after = entry.after.take();
    entry.before = row.try_get("before")?;
    entry.after = row.try_get("after")?;

    let draft = entry.into_draft(ids.new_id(), clock.now());
    let hash = draft.chain_hash(&prev_hash);
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO administration.audit_log (id, occurred_at, actor, actor_role, action, \
         target_type, target_id, before, after, request_id, ip, correlation_id, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11::inet, $12, $13, $14) \
         RETURNING seq",
    )
    .bind(draft.id)
    .bind(draft.occurred_at)
    .bind(&draft.actor)
    .bind(&draft.actor_role)
    .bind(&draft.action)
    .bind(&draft.target_type)
    .bind(&draft.target_id)
    // The same documents as bound above, so jsonb stores what was hashed.
    .bind(&stored_before)
    .bind(&stored_after)
    .bind(&draft.request_id)
    .bind(draft.ip.map(|ip| ip.to_string()))
    .bind(&draft.correlation_id)
    .bind(&prev_hash)
    .bind(&hash)
    .fetch_one(&mut *conn)
    .await?;
    let record = draft.into_record(seq, prev_hash);
    debug_assert_eq!(record.hash, hash);
    Ok(record)
}

/// The matching rows, newest (highest seq) first, at most `limit`.
pub async fn search(
    executor: impl PgExecutor<'_>,
    filter: &AuditFilter,
    limit: i64,
) -> Result<Vec<AuditRecord>, sqlx::Error> {
    let mut query = QueryBuilder::<Postgres>::new(format!(
        "SELECT {COLUMNS} FROM administration.audit_log WHERE TRUE"
    ));
    if let Some(actor) = &filter.actor {
        query.push(" AND actor = ").push_bind(actor);
    }
    if let Some(action) = &filter.action {
        query.push(" AND action = ").push_bind(action);
    }
    if let Some(target_type) = &filter.target_type {
        query.push(" AND target_type = ").push_bind(target_type);
    }
    if let Some(target_id) = &filter.target_id {
        query.push(" AND target_id = ").push_bind(target_id);
    }
    if let Some(from) = filter.from {
        query.push(" AND occurred_at >= ").push_bind(from);
    }
    if let Some(to) = filter.to {
        query.push(" AND occurred_at < ").push_bind(to);
    }
    if let Some(before_seq) = filter.before_seq {
        query.push(" AND seq < ").push_bind(before_seq);
    }
    query.push(" ORDER BY seq DESC LIMIT ").push_bind(limit);
    let rows = query.build().fetch_all(executor).await?;
    rows.iter().map(record_from_row).collect()
}

/// Up to `limit` rows with seq greater than `after_seq`, in chain (seq) order.
pub async fn fetch_batch(
    executor: impl PgExecutor<'_>,
    after_seq: i64,
    limit: i64,
) -> Result<Vec<AuditRecord>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM administration.audit_log WHERE seq > $1 ORDER BY seq LIMIT $2"
    ))
    .bind(after_seq)
    .bind(limit)
    .fetch_all(executor)
    .await?;
    rows.iter().map(record_from_row).collect()
}

/// Decodes a row selected with [`COLUMNS`]; jsonb documents become canonical text.
fn record_from_row(row: &PgRow) -> Result<AuditRecord, sqlx::Error> {
    let json_text = |column: &str| -> Result<Option<String>, sqlx::Error> {
        Ok(row
            .try_get::<Option<serde_json::Value>, _>(column)?
            .as_ref()
            .map(crate::application::canonical_json))
    };
    let ip = row
        .try_get::<Option<String>, _>("ip")?
        .map(|ip| {
            ip.parse().map_err(|e| sqlx::Error::ColumnDecode {
                index: "ip".into(),
                source: Box::new(e),
            })
        })
        .transpose()?;
    Ok(AuditRecord {
        seq: row.try_get("seq")?,
        id: row.try_get("id")?,
        occurred_at: row.try_get("occurred_at")?,
        actor: row.try_get("actor")?,
        actor_role: row.try_get("actor_role")?,
        action: row.try_get("action")?,
        target_type: row.try_get("target_type")?,
        target_id: row.try_get("target_id")?,
        before: json_text("before")?,
        after: json_text("after")?,
        request_id: row.try_get("request_id")?,
        ip,
        correlation_id: row.try_get("correlation_id")?,
        prev_hash: row.try_get("prev_hash")?,
        hash: row.try_get("hash")?,
    })
}
