//! `IssueInvoiceCommand`: the documents of the money of a booking — an invoice for each
//! payment the guest made, a credit note for each refund (correcting the invoice of the
//! payment refunded) — issued once each, numbered without gaps (the
//! [`InvoiceRepository`](crate::domain::InvoiceRepository)'s rule). And
//! [`bill_commissions`]: with each settlement of a stay, the agency's commission invoice
//! to each owner (or a credit note when a later refund lowered it).

use chrono::Days;
use sejour_core::{
    AppError, Ctx, Tx,
    value_objects::{InstallmentKind, Money},
};
use sejour_reservations::application::bookings::PayableReservation;
use uuid::Uuid;

use crate::{
    application::Payments,
    domain::{
        Invoice, InvoiceDraft, InvoiceKind, LedgerError, Party, RefundReason, RefundStatus,
        invoice::french_percent, ledger::Shares,
    },
};

/// Days an owner paid directly (the service model) has to pay a commission invoice.
pub const COMMISSION_DUE_DAYS: u64 = 30;

/// What to issue a document for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueInvoiceCommand {
    /// The invoice of a payment.
    Payment {
        /// The booking.
        reservation_id: Uuid,
        /// The payment.
        payment_id: Uuid,
    },
    /// The credit note of a refund.
    Refund {
        /// The booking.
        reservation_id: Uuid,
        /// The refund.
        refund_id: Uuid,
    },
}

fn what(kind: InstallmentKind) -> &'static str {
    match kind {
        InstallmentKind::Deposit => "Acompte",
        InstallmentKind::Balance => "Solde",
        InstallmentKind::FullPayment => "Règlement",
    }
}

/// `IssueInvoiceHandler`: the document issued, or `None` when it already was (or its
/// payment or refund is not settled). 404 when the payment or refund is unknown.
#[doc(alias = "IssueInvoiceHandler")]
pub async fn issue_invoice(
    app: &Payments,
    ctx: &Ctx,
    command: IssueInvoiceCommand,
) -> Result<Option<Invoice>, AppError> {
    let reservation_id = match command {
        IssueInvoiceCommand::Payment { reservation_id, .. }
        | IssueInvoiceCommand::Refund { reservation_id, .. } => reservation_id,
    };
    let booking = app.book.payable(ctx, reservation_id).await?;
    let payments = app.payments.list(reservation_id).await?;
    let stay = format!(
        "séjour du {} au {}",
        booking.check_in.format("%d/%m/%Y"),
        booking.check_out.format("%d/%m/%Y")
    );
    let (kind, payment_id, refund_id, corrects, description, amount) = match command {
        IssueInvoiceCommand::Payment { payment_id, .. } => {
            let payment = payments
                .iter()
                .find(|p| p.id == payment_id)
                .ok_or_else(|| AppError::not_found("payment"))?;
            if payment.status != crate::domain::PaymentStatus::Succeeded {
                return Ok(None);
            }
            let description = format!("{} — {stay}", what(payment.kind));
            (
                InvoiceKind::Invoice,
                Some(payment_id),
                None,
                None,
                description,
                payment.amount,
            )
        }
        IssueInvoiceCommand::Refund { refund_id, .. } => {
            let refund = app
                .payments
                .refunds(reservation_id)
                .await?
                .into_iter()
                .find(|r| r.id == refund_id)
                .ok_or_else(|| AppError::not_found("refund"))?;
            if refund.status != RefundStatus::Succeeded {
                return Ok(None);
            }
            let invoice = app
                .invoices
                .of_payment(refund.payment_id)
                .await?
                .ok_or_else(|| {
                    AppError::unavailable("the refunded payment's invoice is not issued yet")
                })?;
            let why = match (refund.reason, &refund.note) {
                (RefundReason::Goodwill, Some(note)) => format!("Geste commercial : {note}"),
                (RefundReason::Goodwill, None) => "Geste commercial".to_owned(),
                (RefundReason::LatePayment, _) => {
                    "Remboursement (paiement reçu après l’annulation)".to_owned()
                }
                (RefundReason::Cancellation, _) => "Remboursement (annulation)".to_owned(),
            };
            let description = format!(
                "{why} — {stay} — avoir sur la facture {}",
                invoice.reference()
            );
            (
                InvoiceKind::CreditNote,
                None,
                Some(refund_id),
                Some(invoice.draft.id),
                description,
                refund.amount,
            )
        }
    };
    let draft = InvoiceDraft {
        id: app.ids.new_id(),
        kind,
        reservation_id,
        customer_id: booking.customer_id,
        owner_id: None,
        payment_id,
        refund_id,
        ledger_entry_id: None,
        corrects,
        seller: app.seller.clone(),
        buyer: Party {
            name: booking.guest_name,
            legal_id: None,
            siren: None,
            vat_number: None,
            address: booking.guest_address,
            country: None,
            email: Some(booking.guest_email),
        },
        description,
        service_from: booking.check_in,
        service_to: booking.check_out,
        amount,
        vat_rate_bp: 0,
        vat_mention: app.vat_mention.clone(),
        due_on: None,
    };
    let mut tx = app.uow.begin().await?;
    let issued = app.invoices.issue(&mut tx, &draft, app.clock.now()).await?;
    if issued.is_some() {
        app.uow.commit(tx).await?;
    }
    Ok(issued)
}

/// `BillCommissionsHandler`: in `tx`, the transaction posting the settlement `entry_id`
/// of `booking` whose parts are `shares`, a document per owner whose commission on the
/// stay differs from what they were billed: a commission invoice for more, a credit note
/// (correcting their last commission invoice of the stay) for less. Under a mandate the
/// commission is taken from the owner's funds; an owner paid directly has
/// [`COMMISSION_DUE_DAYS`] to pay it.
#[doc(alias = "BillCommissionsHandler")]
pub async fn bill_commissions(
    app: &Payments,
    tx: &mut Tx,
    booking: &PayableReservation,
    entry_id: Uuid,
    shares: &Shares,
) -> Result<Vec<Invoice>, AppError> {
    let billed = app.invoices.of_reservation(booking.id).await?;
    let now = app.clock.now();
    let stay = format!(
        "séjour du {} au {}",
        booking.check_in.format("%d/%m/%Y"),
        booking.check_out.format("%d/%m/%Y")
    );
    let mut issued = Vec::new();
    for share in &shares.owners {
        let owner_id = share.stake.owner_id;
        let theirs: Vec<&Invoice> = billed
            .iter()
            .filter(|i| i.draft.owner_id == Some(owner_id))
            .collect();
        let mut invoiced = Money::zero(share.commission.currency());
        for invoice in &theirs {
            invoiced = match invoice.draft.kind {
                InvoiceKind::CreditNote => invoiced.checked_sub(invoice.draft.amount),
                _ => invoiced.checked_add(invoice.draft.amount),
            }
            .map_err(LedgerError::from)?;
        }
        let difference = share
            .commission
            .checked_sub(invoiced)
            .map_err(LedgerError::from)?;
        if difference.is_zero() {
            continue;
        }
        let identity = app
            .owners
            .identity(owner_id)
            .await?
            .ok_or_else(|| AppError::not_found("owner"))?;
        let legal_id = identity.siren.as_ref().map(|siren| {
            let vat = identity
                .vat_number
                .as_ref()
                .map(|v| format!(" — TVA {v}"))
                .unwrap_or_default();
            format!("SIREN {siren}{vat}")
        });
        let rate = french_percent(share.stake.commission_bp);
        let (kind, corrects, description) = if difference.is_negative() {
            let last = theirs
                .iter()
                .rev()
                .find(|i| i.draft.kind == InvoiceKind::Commission)
                .ok_or_else(|| {
                    AppError::internal("a commission to credit without a commission invoice")
                })?;
            (
                InvoiceKind::CreditNote,
                Some(last.draft.id),
                format!(
                    "Honoraires de gestion réduits après remboursement — {stay} — avoir sur la \
                     facture {}",
                    last.reference()
                ),
            )
        } else {
            (
                InvoiceKind::Commission,
                None,
                format!("Honoraires de gestion locative ({rate}\u{a0}% du loyer) — {stay}"),
            )
        };
        let draft = InvoiceDraft {
            id: app.ids.new_id(),
            kind,
            reservation_id: booking.id,
            customer_id: None,
            owner_id: Some(owner_id),
            payment_id: None,
            refund_id: None,
            ledger_entry_id: Some(entry_id),
            corrects,
            seller: app.seller.clone(),
            buyer: Party {
                name: identity.name,
                legal_id,
                siren: identity.siren,
                vat_number: identity.vat_number,
                address: identity.address,
                country: Some(identity.country),
                email: Some(identity.email),
            },
            description,
            service_from: booking.check_in,
            service_to: booking.check_out,
            amount: if difference.is_negative() {
                difference.checked_neg().map_err(LedgerError::from)?
            } else {
                difference
            },
            vat_rate_bp: app.fee_vat_bp,
            vat_mention: if app.fee_vat_bp == 0 {
                app.vat_mention.clone()
            } else {
                String::new()
            },
            due_on: (share.stake.paid_directly && kind == InvoiceKind::Commission)
                .then(|| {
                    now.date_naive()
                        .checked_add_days(Days::new(COMMISSION_DUE_DAYS))
                })
                .flatten(),
        };
        if let Some(invoice) = app.invoices.issue(tx, &draft, now).await? {
            issued.push(invoice);
        }
    }
    Ok(issued)
}
