//! The payments context's adapters:
//!
//! - [`PgPaymentRepository`]: payments in PostgreSQL, events on the outbox in the same
//!   transaction, the gateway events already handled.
//! - [`builtin`]: the built-in gateway (the embedded default) and its checkout.
//! - [`cancellations`]: the consumer refunding cancelled bookings.
//! - [`invoicing`]: the consumer issuing invoices and credit notes; [`PgInvoiceRepository`]
//!   numbers them without gaps.
//! - [`jobs`]: the scheduled jobs (balances falling due).
//! - [`stripe`]: Stripe's REST API (Checkout Sessions, refunds) and webhooks.
//! - [`webhook_signature`]: Stripe's webhook signature scheme, which the built-in gateway
//!   follows too.

pub mod builtin;
pub mod cancellations;
pub mod invoicing;
pub mod jobs;
mod pg_invoice_repository;
mod pg_payment_repository;
pub mod stripe;
pub mod webhook_signature;

pub use pg_invoice_repository::PgInvoiceRepository;
pub use pg_payment_repository::PgPaymentRepository;
