//! The queries.

pub mod list_invoices;
pub mod list_payments;
