//! `GetReservationQuery`: one reservation, as much of it as the caller may see.

use sejour_core::{AppError, Ctx};
use uuid::Uuid;

use crate::{
    application::{Reservations, access::View},
    infrastructure::ReservationRecord,
};

/// The reservation and the caller's view of it; 401, or 404 `reservation.not_found`
/// when it does not exist or is not the caller's to see.
pub async fn get_reservation(
    svc: &Reservations,
    ctx: &Ctx,
    id: Uuid,
) -> Result<(ReservationRecord, View), AppError> {
    let record = svc
        .repo
        .get(id)
        .await?
        .ok_or_else(|| AppError::not_found("reservation"))?;
    let view = svc.view(&ctx.actor, &record.reservation).await?;
    Ok((record, view))
}
