//! The queries.

pub mod list_payments;
