//! `IssueInvoiceCommand`: the documents of the money of a booking — an invoice for each
//! payment the guest made, a credit note for each refund (correcting the invoice of the
//! payment refunded) — issued once each, numbered without gaps (the
//! [`InvoiceRepository`](crate::domain::InvoiceRepository)'s rule).

use sejour_core::{AppError, Ctx, value_objects::InstallmentKind};
use uuid::Uuid;

use crate::{
    application::Payments,
    domain::{Invoice, InvoiceDraft, InvoiceKind, Party, RefundStatus},
};

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
            let description = format!(
                "Remboursement (annulation) — {stay} — avoir sur la facture {}",
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
        payment_id,
        refund_id,
        corrects,
        seller: app.seller.clone(),
        buyer: Party {
            name: booking.guest_name,
            legal_id: None,
            address: booking.guest_address,
            email: Some(booking.guest_email),
        },
        description,
        service_from: booking.check_in,
        service_to: booking.check_out,
        amount,
        vat_mention: app.vat_mention.clone(),
    };
    let mut tx = app.uow.begin().await?;
    let issued = app.invoices.issue(&mut tx, &draft, app.clock.now()).await?;
    if issued.is_some() {
        app.uow.commit(tx).await?;
    }
    Ok(issued)
}
