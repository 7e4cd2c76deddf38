//! `ListPaymentsQuery`: a reservation's payments, for whoever sees it in full.

use sejour_core::{AppError, Ctx};
use uuid::Uuid;

use crate::{application::Payments, domain::Payment};

/// The payments of reservation `id`, oldest first; 404 as for the reservation.
#[doc(alias = "ListPaymentsHandler")]
pub async fn list_payments(app: &Payments, ctx: &Ctx, id: Uuid) -> Result<Vec<Payment>, AppError> {
    app.book.payable(ctx, id).await?;
    app.payments.list(id).await
}
