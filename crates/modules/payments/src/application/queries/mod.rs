//! The queries.

pub mod get_deposit;
pub mod ledger;
pub mod list_invoices;
pub mod list_payments;
