//! `GetReservationQuery`: one reservation, as much of it as the caller may see.

use sejour_core::{AppError, Ctx};
use uuid::Uuid;

use crate::application::{Record, Reservations, access::View};

/// The reservation and the caller's view of it; 401, or 404 `reservation.not_found`
/// when it does not exist or is not the caller's to see.
#[doc(alias("GetReservationQuery", "GetReservationHandler"))]
pub async fn get_reservation(
    svc: &Reservations,
    ctx: &Ctx,
    id: Uuid,
) -> Result<(Record, View), AppError> {
    let record = svc.find(id).await?;
    let view = svc.view(&ctx.actor, &record.reservation).await?;
    Ok((record, view))
}
