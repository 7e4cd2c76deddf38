//! The repository traits of the payments context.

mod deposit_repository;
mod invoice_repository;
mod ledger_repository;
mod payment_repository;

pub use deposit_repository::{DepositRepository, KeptCard};
pub use invoice_repository::{InvoiceRepository, RegisterFilter};
pub use ledger_repository::{AccountBalance, LedgerRepository};
pub use payment_repository::PaymentRepository;
