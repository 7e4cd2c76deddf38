//! The queries.

pub mod ledger;
pub mod list_invoices;
pub mod list_payments;
