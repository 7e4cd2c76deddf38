//! The payments context's use cases.
//!
//! - [`commands`]: `RequestPaymentCommand` (a checkout for the next installment due),
//!   `ReceiveGatewayEventCommand` (a gateway's verified notification, once),
//!   `RefundCancellationCommand` (a cancelled booking's refund) and the scheduler's
//!   `RequestBalancesCommand` (balances falling due, asked by email),
//!   `IssueInvoiceCommand` (an invoice per payment, a credit note per refund),
//!   `PostToLedgerCommand` and the scheduler's `SettleStaysCommand` (the ledger).
//! - [`queries`]: `ListPaymentsQuery` (a reservation's payments), `ListInvoicesQuery`,
//!   `GetInvoiceQuery`, `InvoicePdfQuery`, `GetDepositQuery`, `LedgerBalancesQuery`,
//!   `ReservationLedgerQuery`.
//!
//! The reservations context is reached through its published [`ReservationBook`] only
//! (properties and owners through theirs, for the ledger);
//! payments never write its tables: it learns of the money through
//! `payments.PaymentSucceeded`.

pub mod commands;
pub mod queries;

use std::sync::Arc;

use sejour_core::{AppError, Clock, IdGenerator, UnitOfWork, mail::MailQueue};
use sejour_owners::application::directory::OwnerDirectory;
use sejour_properties::application::catalog::PropertyCatalog;
use sejour_reservations::application::bookings::ReservationBook;

use crate::domain::{
    DepositError, DepositRepository, EvidenceFiles, GatewayError, InvoiceArchive,
    InvoiceRepository, LedgerRepository, Party, PaymentError, PaymentGateway, PaymentRepository,
};

/// What the use cases work with, built once by [`crate::use_cases`].
#[derive(Clone)]
pub struct Payments {
    /// The payments.
    pub payments: Arc<dyn PaymentRepository>,
    /// The invoices and credit notes.
    pub invoices: Arc<dyn InvoiceRepository>,
    /// Their printable documents.
    pub archive: Arc<dyn InvoiceArchive>,
    /// The ledger.
    pub ledger: Arc<dyn LedgerRepository>,
    /// Saved cards, the security deposit's holds and the photos of damage.
    pub deposits: Arc<dyn DepositRepository>,
    /// The photos of damage, kept.
    pub evidence: Arc<dyn EvidenceFiles>,
    /// The payment provider of new payments.
    pub gateway: Arc<dyn PaymentGateway>,
    /// Every provider payments were made with (refunds, notifications), the one above
    /// included.
    pub gateways: Vec<Arc<dyn PaymentGateway>>,
    /// The reservations context's published interface.
    pub book: Arc<dyn ReservationBook>,
    /// The properties context's published interface (who owns a property).
    pub catalog: Arc<dyn PropertyCatalog>,
    /// The owners context's published interface (their mandates' terms).
    pub owners: Arc<dyn OwnerDirectory>,
    /// Business transactions.
    pub uow: Arc<dyn UnitOfWork>,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Identity.
    pub ids: Arc<dyn IdGenerator>,
    /// Letters to guests (a balance's payment link).
    pub mail: Arc<dyn MailQueue>,
    /// The web app's public URL, for links in letters.
    pub public_url: String,
    /// The agency as its invoices name it.
    pub seller: Party,
    /// The invoices' VAT wording (an exemption).
    pub vat_mention: String,
    /// The VAT rate of the agency's fees (its commission invoices), in basis points; 0
    /// when exempt.
    pub fee_vat_bp: u32,
    /// Where the agency is told of a card refusing a balance or a deposit.
    pub agency_email: String,
}

impl Payments {
    /// The provider named `name` (`builtin`, `stripe`); 404 when it is not configured.
    pub fn gateway_named(&self, name: &str) -> Result<&Arc<dyn PaymentGateway>, AppError> {
        self.gateways
            .iter()
            .find(|g| g.name() == name)
            .ok_or_else(|| AppError::not_found("payment_gateway"))
    }
}

/// A gateway that failed or could not be reached: 503, the installment or the hold may be
/// asked for again.
pub(crate) fn provider_failed(e: GatewayError) -> AppError {
    AppError::unavailable(format!("The payment provider failed: {e}"))
}

/// A broken deposit rule: 409 (the hold's state), 422 for a claim above the hold.
impl From<DepositError> for AppError {
    fn from(e: DepositError) -> Self {
        match e {
            DepositError::ClaimExceedsHold { .. } => AppError::rule(e.code(), e.to_string()),
            DepositError::NotHeld | DepositError::TooManyPhotos => {
                AppError::conflict(e.code(), e.to_string())
            }
        }
    }
}

/// A broken rule: 422 for a payment asked before its date, else 409 (the reservation's
/// state).
impl From<PaymentError> for AppError {
    fn from(e: PaymentError) -> Self {
        match e {
            PaymentError::TooEarly { .. } | PaymentError::RefundExceedsPaid { .. } => {
                AppError::rule(e.code(), e.to_string())
            }
            _ => AppError::conflict(e.code(), e.to_string()),
        }
    }
}
