//! `ListInvoicesQuery` and `GetInvoiceQuery`: a booking's invoices and credit notes, for
//! whoever sees the booking in full (an owner's commission invoices for that owner), and
//! `InvoicePdfQuery` their printable documents; `InvoiceRegisterQuery`: all of them, for
//! staff, and an owner's own.

use sejour_core::{Actor, AppError, Ctx, Role, authz::require_staff};
use uuid::Uuid;

use crate::{
    application::Payments,
    domain::{Invoice, RegisterFilter},
};

/// The invoice register, newest first: for staff every document matching `filter`, for
/// an owner the ones billed to them (403 for anyone else).
#[doc(alias = "InvoiceRegisterHandler")]
pub async fn invoice_register(
    app: &Payments,
    ctx: &Ctx,
    mut filter: RegisterFilter,
) -> Result<Vec<Invoice>, AppError> {
    if let Actor::User {
        role: Role::Owner, ..
    } = ctx.actor
    {
        let Some(owner) = app.owners.owner_of_actor(&ctx.actor).await? else {
            return Ok(Vec::new());
        };
        filter.owner_id = Some(owner);
    } else {
        require_staff(&ctx.actor)?;
    }
    app.invoices.register(&filter).await
}

/// The documents of reservation `id`, in issue order; 404 as for the reservation.
#[doc(alias = "ListInvoicesHandler")]
pub async fn list_invoices(app: &Payments, ctx: &Ctx, id: Uuid) -> Result<Vec<Invoice>, AppError> {
    app.book.payable(ctx, id).await?;
    app.invoices.of_reservation(id).await
}

/// One document; 404 when it does not exist or is not the caller's to see: a guest's
/// for whoever sees its booking in full, an owner's for staff and that owner.
#[doc(alias = "GetInvoiceHandler")]
pub async fn get_invoice(app: &Payments, ctx: &Ctx, id: Uuid) -> Result<Invoice, AppError> {
    let invoice = app
        .invoices
        .find(id)
        .await?
        .ok_or_else(|| AppError::not_found("invoice"))?;
    if let Some(billed) = invoice.draft.owner_id {
        let theirs = require_staff(&ctx.actor).is_ok()
            || app.owners.owner_of_actor(&ctx.actor).await? == Some(billed);
        return if theirs {
            Ok(invoice)
        } else {
            Err(AppError::not_found("invoice"))
        };
    }
    app.book
        .payable(ctx, invoice.draft.reservation_id)
        .await
        .map_err(|e| match e.kind {
            sejour_core::ErrorKind::NotFound => AppError::not_found("invoice"),
            _ => e,
        })?;
    Ok(invoice)
}

/// The PDF of one document, rendered at its first request and kept; 404 as for
/// [`get_invoice`].
#[doc(alias = "InvoicePdfHandler")]
pub async fn invoice_pdf(
    app: &Payments,
    ctx: &Ctx,
    id: Uuid,
) -> Result<(Invoice, Vec<u8>), AppError> {
    let invoice = get_invoice(app, ctx, id).await?;
    let pdf = archived(app, &invoice).await?;
    Ok((invoice, pdf))
}

/// The PDF of `invoice`, rendered and kept if it was not yet (`GenerateInvoiceWorker`
/// does it at issue).
pub async fn archived(app: &Payments, invoice: &Invoice) -> Result<Vec<u8>, AppError> {
    let corrects = match invoice.draft.corrects {
        Some(corrected) => app.invoices.find(corrected).await?.map(|i| i.reference()),
        None => None,
    };
    app.archive.pdf(invoice, corrects).await
}
