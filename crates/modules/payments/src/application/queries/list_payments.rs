//! `ListPaymentsQuery`: a reservation's payments and refunds, for whoever sees it in full.

use sejour_core::{AppError, Ctx};
use uuid::Uuid;

use crate::{
    application::Payments,
    domain::{Payment, Refund},
};

/// The payments of reservation `id` and their refunds, oldest first; 404 as for the
/// reservation.
#[doc(alias = "ListPaymentsHandler")]
pub async fn list_payments(
    app: &Payments,
    ctx: &Ctx,
    id: Uuid,
) -> Result<(Vec<Payment>, Vec<Refund>), AppError> {
    app.book.payable(ctx, id).await?;
    Ok((
        app.payments.list(id).await?,
        app.payments.refunds(id).await?,
    ))
}
