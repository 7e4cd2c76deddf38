//! `PgLedgerRepository`: `payments.ledger_entries` and their `ledger_lines`, each entry
//! with its lines in one transaction (the database checks at commit that they balance).

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sejour_core::{
    AppError, Tx,
    value_objects::{Currency, Money},
};
use sejour_infrastructure::{
    db::StorageResult,
    store::{Store, pg},
};
use uuid::Uuid;

use crate::domain::{Account, AccountBalance, EntryKind, JournalEntry, LedgerRepository, Line};

/// The ledger in PostgreSQL.
pub struct PgLedgerRepository {
    store: Store,
}

impl PgLedgerRepository {
    /// A repository on the store's pool.
    pub fn new(store: Store) -> Self {
        Self { store }
    }
}

fn corrupt(what: &str) -> AppError {
    AppError::internal(format!("ledger: stored {what} is invalid"))
}

#[async_trait]
impl LedgerRepository for PgLedgerRepository {
    async fn post(
        &self,
        tx: &mut Tx,
        entry: &JournalEntry,
        settle_on: NaiveDate,
    ) -> Result<bool, AppError> {
        let conn = pg(tx)?;
        let inserted = sqlx::query(
            "INSERT INTO payments.ledger_entries \
             (id, reservation_id, kind, source, occurred_at, settle_on, currency) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (source) DO NOTHING",
        )
        .bind(entry.id)
        .bind(entry.reservation_id)
        .bind(entry.kind.as_str())
        .bind(&entry.source)
        .bind(entry.occurred_at)
        .bind(settle_on)
        .bind(entry.currency.as_str())
        .execute(&mut *conn)
        .await
        .storage()?
        .rows_affected()
            == 1;
        if !inserted {
            return Ok(false);
        }
        let accounts: Vec<String> = entry.lines.iter().map(|l| l.account.to_string()).collect();
        let amounts: Vec<i64> = entry
            .lines
            .iter()
            .map(|l| l.amount.amount_minor())
            .collect();
        sqlx::query(
            "INSERT INTO payments.ledger_lines (entry_id, line, account, amount) \
             SELECT $1, n::smallint, account, amount \
             FROM unnest($2::text[], $3::bigint[]) WITH ORDINALITY AS l(account, amount, n)",
        )
        .bind(entry.id)
        .bind(&accounts)
        .bind(&amounts)
        .execute(&mut *conn)
        .await
        .storage()?;
        Ok(true)
    }

    async fn of_reservation(&self, reservation_id: Uuid) -> Result<Vec<JournalEntry>, AppError> {
        type Row = (Uuid, String, String, DateTime<Utc>, String, String, i64);
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT e.id, e.kind, e.source, e.occurred_at, e.currency, l.account, l.amount \
             FROM payments.ledger_entries e JOIN payments.ledger_lines l ON l.entry_id = e.id \
             WHERE e.reservation_id = $1 ORDER BY e.occurred_at, e.id, l.line",
        )
        .bind(reservation_id)
        .fetch_all(self.store.pool())
        .await
        .storage()?;
        let mut entries: Vec<JournalEntry> = Vec::new();
        for (id, kind, source, occurred_at, currency, account, amount) in rows {
            let currency = Currency::parse(&currency).map_err(|_| corrupt("currency"))?;
            let line = Line {
                account: Account::parse(&account).ok_or_else(|| corrupt("account"))?,
                amount: Money::new(amount, currency),
            };
            match entries.last_mut() {
                Some(entry) if entry.id == id => entry.lines.push(line),
                _ => entries.push(JournalEntry {
                    id,
                    reservation_id,
                    kind: EntryKind::parse(&kind).ok_or_else(|| corrupt("kind"))?,
                    source,
                    occurred_at,
                    currency,
                    lines: vec![line],
                }),
            }
        }
        Ok(entries)
    }

    async fn balances(&self, only: Option<&Account>) -> Result<Vec<AccountBalance>, AppError> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT l.account, e.currency, sum(l.amount)::bigint \
             FROM payments.ledger_lines l JOIN payments.ledger_entries e ON e.id = l.entry_id \
             WHERE $1::text IS NULL OR l.account = $1 \
             GROUP BY l.account, e.currency HAVING sum(l.amount) <> 0 \
             ORDER BY l.account, e.currency",
        )
        .bind(only.map(Account::to_string))
        .fetch_all(self.store.pool())
        .await
        .storage()?;
        rows.into_iter()
            .map(|(account, currency, balance)| {
                let currency = Currency::parse(&currency).map_err(|_| corrupt("currency"))?;
                Ok(AccountBalance {
                    account: Account::parse(&account).ok_or_else(|| corrupt("account"))?,
                    balance: Money::new(balance, currency),
                })
            })
            .collect()
    }

    async fn due_for_settlement(
        &self,
        today: NaiveDate,
        limit: i64,
    ) -> Result<Vec<Uuid>, AppError> {
        sqlx::query_scalar(
            "SELECT e.reservation_id FROM payments.ledger_entries e \
             JOIN payments.ledger_lines l ON l.entry_id = e.id \
             WHERE l.account = 'guest:' || e.reservation_id \
             GROUP BY e.reservation_id \
             HAVING sum(l.amount) <> 0 AND max(e.settle_on) <= $1 \
             ORDER BY max(e.settle_on), e.reservation_id LIMIT $2",
        )
        .bind(today)
        .bind(limit)
        .fetch_all(self.store.pool())
        .await
        .storage()
    }
}
