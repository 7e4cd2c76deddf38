//! `LedgerRepository`: the journal, append-only. `EntriesBalance` is the store's to
//! enforce too (checked at commit), and one entry per cause (`source`) so that a
//! notification delivered twice posts once.

use async_trait::async_trait;
use chrono::NaiveDate;
use sejour_core::{AppError, Tx, value_objects::Money};
use uuid::Uuid;

use crate::domain::ledger::{Account, JournalEntry};

/// An account's balance (debits minus credits) in one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountBalance {
    /// The account.
    pub account: Account,
    /// Debits − credits.
    pub balance: Money,
}

/// The journal.
#[async_trait]
pub trait LedgerRepository: Send + Sync + 'static {
    /// Posts `entry` in `tx`, to be settled on `settle_on` (the stay's check-out);
    /// `Ok(false)` when its source already has an entry.
    async fn post(
        &self,
        tx: &mut Tx,
        entry: &JournalEntry,
        settle_on: NaiveDate,
    ) -> Result<bool, AppError>;

    /// The entries of a stay, in posting order.
    async fn of_reservation(&self, reservation_id: Uuid) -> Result<Vec<JournalEntry>, AppError>;

    /// Every account's balance (or `only` this one's), non-zero ones, by account.
    async fn balances(&self, only: Option<&Account>) -> Result<Vec<AccountBalance>, AppError>;

    /// Stays whose guest account is not zero and whose latest movement was to be settled
    /// by `today`, at most `limit`, earliest first.
    async fn due_for_settlement(&self, today: NaiveDate, limit: i64)
    -> Result<Vec<Uuid>, AppError>;
}
