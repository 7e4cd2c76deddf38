//! The payments context: the money of a reservation's schedule — the seed's
//! `PaymentGateway` port (`createPayment(amount)`), payments of the deposit and the
//! balance, the gateways' verified notifications, `PaymentSucceeded` / `PaymentFailed`.
//!
//! - [`domain`]: the `Payment` of an installment, its rules (`NextInstallment`,
//!   `PaymentNotBeforeItsDate`, `OnePaymentPerInstallment`), events, the
//!   `PaymentGateway` port and the repository trait. Pure.
//! - [`application`]: `RequestPaymentCommand`, `ReceiveGatewayEventCommand`,
//!   `ListPaymentsQuery`. The reservations context through its published
//!   `ReservationBook` only; it learns of the money through `payments.PaymentSucceeded`.
//! - [`infrastructure`]: the PostgreSQL repository, the built-in gateway (the embedded
//!   default, a simulated provider with a checkout page and signed webhooks) and
//!   Stripe's webhook signature scheme.
//! - [`presentation`]: the HTTP edge.
//! - [`published_language`]: the events' payloads, for other contexts.

pub mod application;
pub mod domain;
pub mod infrastructure;
pub mod presentation;
pub mod published_language;

use std::sync::Arc;

use sejour_infrastructure::{
    config::Settings,
    mail::QueuedMail,
    module::{ContextModule, Shared},
};
use sejour_owners::application::directory::OwnerDirectory;
use sejour_properties::application::catalog::PropertyCatalog;
use sejour_reservations::application::bookings::ReservationBook;

use application::Payments;
use domain::{GatewayError, Party, PaymentGateway};
use infrastructure::{
    PgDepositRepository, PgInvoiceRepository, PgLedgerRepository, PgPaymentRepository,
    bookkeeping::Bookkeeping,
    builtin::BuiltinGateway,
    cancellations::CancellationRefunds,
    damage_photos::StoredEvidence,
    invoice_pdf::PdfInvoiceArchive,
    invoicing::Invoicing,
    jobs::PaymentJobs,
    stripe::{StripeConfig, StripeGateway},
};
use presentation::PaymentsState;

/// This context's migrations (the `payments` schema).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Stripe, when its key is configured.
pub fn stripe(settings: &Settings) -> Result<Option<Arc<StripeGateway>>, GatewayError> {
    let (Some(secret_key), Some(webhook_secret)) = (
        settings.stripe_secret_key.clone(),
        settings.stripe_webhook_secret.clone(),
    ) else {
        return Ok(None);
    };
    let config = StripeConfig {
        api_base: settings.stripe_api_base.clone(),
        secret_key,
        webhook_secret,
        public_url: settings.public_url.clone(),
    };
    Ok(Some(Arc::new(StripeGateway::new(config)?)))
}

/// The other contexts' published interfaces payments reach.
pub struct Neighbours {
    /// Reservations: what a booking asks to be paid.
    pub book: Arc<dyn ReservationBook>,
    /// Properties: who owns one, where it is taxed.
    pub catalog: Arc<dyn PropertyCatalog>,
    /// Owners: their mandates' terms.
    pub owners: Arc<dyn OwnerDirectory>,
}

/// The context on the shared adapters, with the built-in gateway (and Stripe, given,
/// for new payments), reaching the other contexts through `neighbours`: its routes (with
/// their state), its consumers (refunds of cancelled bookings, invoices, the ledger,
/// jobs), its timed jobs (balances falling due, stays to settle) and its migrations.
#[doc(alias = "PaymentsModule")]
pub fn module(
    shared: &Shared,
    neighbours: Neighbours,
    stripe: Option<Arc<StripeGateway>>,
) -> ContextModule {
    let builtin = Arc::new(BuiltinGateway::new(
        shared.pool.clone(),
        shared.clock.clone(),
        shared.ids.clone(),
    ));
    let mut gateways: Vec<Arc<dyn PaymentGateway>> = vec![builtin.clone()];
    let gateway: Arc<dyn PaymentGateway> = match stripe {
        Some(stripe) => {
            gateways.push(stripe.clone());
            stripe
        }
        None => builtin.clone(),
    };
    let app = Arc::new(Payments {
        payments: Arc::new(PgPaymentRepository::new(shared.store())),
        invoices: Arc::new(PgInvoiceRepository::new(shared.store())),
        archive: Arc::new(PdfInvoiceArchive::new(shared.storage.clone())),
        ledger: Arc::new(PgLedgerRepository::new(shared.store())),
        deposits: Arc::new(PgDepositRepository::new(shared.store())),
        evidence: Arc::new(StoredEvidence::new(shared.storage.clone())),
        gateway,
        gateways,
        book: neighbours.book,
        catalog: neighbours.catalog,
        owners: neighbours.owners,
        uow: Arc::new(shared.unit_of_work()),
        clock: shared.clock.clone(),
        ids: shared.ids.clone(),
        mail: Arc::new(QueuedMail::new(shared.store())),
        public_url: shared.settings.public_url.clone(),
        seller: Party {
            name: shared.settings.agency_name.clone(),
            legal_id: Some(shared.settings.agency_legal_id.clone()),
            siren: Some(shared.settings.agency_siren.clone()),
            vat_number: shared.settings.agency_vat_number.clone(),
            address: shared.settings.agency_address.clone(),
            country: None,
            email: None,
        },
        vat_mention: shared.settings.invoice_vat_mention.clone(),
        fee_vat_bp: shared.settings.agency_vat_rate_bp,
        agency_email: shared.settings.agency_email.clone(),
    });
    ContextModule::new("payments", &MIGRATOR)
        .routes(
            presentation::routes(shared.settings.max_upload_bytes).with_state(PaymentsState {
                app: app.clone(),
                builtin,
                max_upload_bytes: shared.settings.max_upload_bytes,
            }),
        )
        .consumer(Arc::new(CancellationRefunds::new(app.clone())))
        .consumer(Arc::new(Invoicing::new(app.clone())))
        .consumer(Arc::new(Bookkeeping::new(app.clone())))
        .consumer(Arc::new(PaymentJobs::new(app)))
        .schedule(
            "payments.request_balances",
            "0 7 * * *",
            application::commands::request_balances::JOB,
        )
        .schedule(
            "payments.hold_deposits",
            "0 8 * * *",
            application::commands::hold_deposits::JOB,
        )
        .schedule(
            "payments.settle_stays",
            "30 6 * * *",
            application::commands::post_to_ledger::JOB,
        )
}
