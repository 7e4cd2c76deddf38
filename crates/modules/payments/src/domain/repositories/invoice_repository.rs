//! `InvoiceRepository`: issued invoices and credit notes. `GapFreeNumbering` is the
//! store's to enforce: a number is taken in the issuing transaction, under a lock of the
//! series, so that numbers follow issue times without gaps nor duplicates whatever the
//! concurrency, and a rolled-back issue gives its number back.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Tx};
use uuid::Uuid;

use crate::domain::{Invoice, InvoiceDraft, InvoiceKind};

/// Filters of the invoice register.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegisterFilter {
    /// Issued on or after this day (UTC).
    pub from: Option<chrono::NaiveDate>,
    /// Issued before this day (UTC).
    pub to: Option<chrono::NaiveDate>,
    /// Only documents of this kind.
    pub kind: Option<InvoiceKind>,
    /// Only documents billed to this owner.
    pub owner_id: Option<Uuid>,
    /// After this (issue time, id), newest first.
    pub before: Option<(DateTime<Utc>, Uuid)>,
    /// Rows to read at most.
    pub fetch: i64,
}

/// Invoices and credit notes.
#[async_trait]
pub trait InvoiceRepository: Send + Sync + 'static {
    /// Issues `draft` in `tx` at `at` (or at the series' last issue time, if later): its
    /// series' next number. `Ok(None)` when its payment, refund, or owner's share of a
    /// settlement already has a document — then the caller drops `tx`, which gives the number back.
    async fn issue(
        &self,
        tx: &mut Tx,
        draft: &InvoiceDraft,
        at: DateTime<Utc>,
    ) -> Result<Option<Invoice>, AppError>;

    /// The documents of a booking, in issue order.
    async fn of_reservation(&self, reservation_id: Uuid) -> Result<Vec<Invoice>, AppError>;

    /// The documents billed to an owner (commission invoices and their credit notes), in
    /// issue order.
    async fn of_owner(&self, owner_id: Uuid) -> Result<Vec<Invoice>, AppError>;

    /// The register: every document matching `filter`, newest first.
    async fn register(&self, filter: &RegisterFilter) -> Result<Vec<Invoice>, AppError>;

    /// One document.
    async fn find(&self, id: Uuid) -> Result<Option<Invoice>, AppError>;

    /// The invoice of a payment.
    async fn of_payment(&self, payment_id: Uuid) -> Result<Option<Invoice>, AppError>;
}
