//! The timeline of a reservation's domain events, as the timeline consumer recorded them.

use sejour_core::{AppError, Ctx};
use uuid::Uuid;

use crate::{application::Reservations, domain::TimelineEntry};

/// The events of a reservation, oldest first, for whoever may see the reservation
/// (their payloads carry no contact details); 404 otherwise.
pub async fn reservation_events(
    svc: &Reservations,
    ctx: &Ctx,
    id: Uuid,
) -> Result<Vec<TimelineEntry>, AppError> {
    let record = svc.find(id).await?;
    svc.view(&ctx.actor, &record.reservation).await?;
    svc.reservations.timeline(id).await
}
