//! `PreviewCancellationQuery`: what cancelling a booking today would refund, before the
//! guest or staff decide.

use chrono::NaiveDate;
use sejour_core::{AppError, Ctx, authz::require_user, value_objects::Money};
use uuid::Uuid;

use crate::application::Reservations;

/// The refund due if the booking were cancelled today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CancellationPreview {
    /// The refund due under the booking's frozen cancellation policy.
    pub refund_due: Money,
    /// The policy (`flexible`, `moderate`, `strict`).
    pub policy: String,
    /// The day the refund is computed for (today, in the agency's time zone).
    pub as_of: NaiveDate,
}

/// `PreviewCancellationHandler`: the guest who booked or staff; 401, 404 for others; 409
/// `reservation.invalid_transition` when it is no longer active.
#[doc(alias("PreviewCancellationQuery", "PreviewCancellationHandler"))]
pub async fn preview_cancellation(
    svc: &Reservations,
    ctx: &Ctx,
    id: Uuid,
) -> Result<CancellationPreview, AppError> {
    require_user(&ctx.actor)?;
    let record = svc.find(id).await?;
    svc.require_full(&ctx.actor, &record.reservation).await?;
    let as_of = svc.clock.today();
    let refund_due = record.reservation.refund_if_cancelled(as_of)?;
    Ok(CancellationPreview {
        refund_due,
        policy: record
            .reservation
            .snapshot()
            .price
            .cancellation_policy
            .as_str()
            .to_owned(),
        as_of,
    })
}
