//! The repository traits of the payments context.

mod invoice_repository;
mod payment_repository;

pub use invoice_repository::{InvoiceRepository, RegisterFilter};
pub use payment_repository::PaymentRepository;
