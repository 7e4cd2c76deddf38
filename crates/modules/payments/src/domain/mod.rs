//! The payments domain: the [`Payment`] of one installment of a reservation's schedule,
//! its [`Refund`]s, the security [`deposit`]'s holds, their rules and events, the
//! [`ledger`] of the money, the seed's [`PaymentGateway`] port and the
//! repository trait.
//! Pure: std, core, serde, chrono, uuid.

pub mod deposit;
pub mod errors;
pub mod events;
pub mod gateways;
pub mod invoice;
pub mod ledger;
pub mod payment;
pub mod refund;
pub mod repositories;

pub use deposit::{
    DamagePhoto, DepositError, DepositEvent, DepositHold, EvidenceFiles, HoldStatus, StoredImage,
};
pub use errors::PaymentError;
pub use events::PaymentEvent;
pub use gateways::{
    Authorization, Checkout, GatewayError, GatewayEvent, GatewayOutcome, HoldRequest,
    PaymentGateway, PaymentRequest, RefundRequest, SavedCard,
};
pub use invoice::{Invoice, InvoiceArchive, InvoiceDraft, InvoiceKind, Party};
pub use ledger::{Account, EntryKind, JournalEntry, LedgerError, Line};
pub use payment::{Payment, PaymentStatus, next_installment};
pub use refund::{Refund, RefundReason, RefundStatus, allocate_refund};
pub use repositories::{
    AccountBalance, DepositRepository, InvoiceRepository, KeptCard, LedgerRepository,
    PaymentRepository, RegisterFilter,
};
