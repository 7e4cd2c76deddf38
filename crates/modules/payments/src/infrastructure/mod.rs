//! The payments context's adapters:
//!
//! - [`PgPaymentRepository`]: payments in PostgreSQL, events on the outbox in the same
//!   transaction, the gateway events already handled; [`PgDepositRepository`]: saved
//!   cards and the security deposit's holds.
//! - [`builtin`]: the built-in gateway (the embedded default) and its checkout.
//! - [`cancellations`]: the consumer refunding cancelled bookings.
//! - [`damage_photos`]: the photos of damage on object storage.
//! - [`invoice_pdf`]: invoices' PDFs on the document engine, kept on object storage;
//!   [`factur_x`]: the CII XML of an invoice to a business.
//! - [`invoicing`]: the consumer issuing invoices and credit notes; [`PgInvoiceRepository`]
//!   numbers them without gaps.
//! - [`bookkeeping`]: the consumer posting payments and refunds to the ledger;
//!   [`PgLedgerRepository`] keeps it append-only and balanced.
//! - [`jobs`]: the scheduled jobs (balances falling due, stays to settle).
//! - [`stripe`]: Stripe's REST API (Checkout Sessions, refunds) and webhooks.
//! - [`webhook_signature`]: Stripe's webhook signature scheme, which the built-in gateway
//!   follows too.

pub mod bookkeeping;
pub mod builtin;
pub mod cancellations;
pub mod damage_photos;
pub mod factur_x;
pub mod invoice_pdf;
pub mod invoicing;
pub mod jobs;
mod pg_deposit_repository;
mod pg_invoice_repository;
mod pg_ledger_repository;
mod pg_payment_repository;
pub mod stripe;
pub mod webhook_signature;

pub use pg_deposit_repository::PgDepositRepository;
pub use pg_invoice_repository::PgInvoiceRepository;
pub use pg_ledger_repository::PgLedgerRepository;
pub use pg_payment_repository::PgPaymentRepository;

use sejour_core::{AppError, ErrorKind};
use sejour_infrastructure::queue::{ConsumerError, Delivery};

use crate::published_language::{PaymentRefunded, PaymentSucceeded, event_types};

/// Money that moved, as the context's consumers read its own events.
enum MoneyMoved {
    /// `payments.PaymentSucceeded`.
    Paid(PaymentSucceeded),
    /// `payments.PaymentRefunded`.
    Refunded(PaymentRefunded),
}

impl MoneyMoved {
    /// Subscriptions to both events.
    fn subscriptions() -> Vec<sejour_infrastructure::queue::Subscription> {
        use sejour_infrastructure::queue::Subscription;
        vec![
            Subscription::Event(event_types::SUCCEEDED),
            Subscription::Event(event_types::REFUNDED),
        ]
    }

    /// The event delivered; a payload that does not parse is never retried.
    fn read(delivery: &Delivery) -> Result<Self, ConsumerError> {
        let message = &delivery.message;
        let bad =
            |e: serde_json::Error| ConsumerError::Permanent(format!("event {}: {e}", message.id));
        let payload = message.payload.clone();
        Ok(match message.message_type.as_str() {
            event_types::REFUNDED => Self::Refunded(serde_json::from_value(payload).map_err(bad)?),
            _ => Self::Paid(serde_json::from_value(payload).map_err(bad)?),
        })
    }
}

/// A use case's failure for a consumer: what no longer exists is not retried.
fn consumer_error(e: AppError) -> ConsumerError {
    if e.kind == ErrorKind::NotFound {
        ConsumerError::Permanent(format!("{}: {}", e.code, e.message))
    } else {
        ConsumerError::Retry(e.internal.unwrap_or(e.message))
    }
}
