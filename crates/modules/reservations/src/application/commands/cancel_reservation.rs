//! `CancelReservationCommand`: the guest (their own) or a manager cancels an active
//! booking; its dates are freed in the same transaction and the refund due under the
//! frozen cancellation policy is stored for the payments context.

use sejour_core::{AppError, Ctx, authz::require_user, cqrs::Command};
use uuid::Uuid;

use super::super::{Reservations, ensure_version};
use crate::domain::CancelReason;

/// Cancel this reservation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CancelReservationCommand {
    /// Which.
    pub reservation_id: Uuid,
    /// Why (1 to 500 characters).
    pub reason: String,
    /// The version the caller read (`If-Match`), if given.
    pub expected_version: Option<i32>,
}

impl Command for CancelReservationCommand {
    type Output = ();
}

/// `CancelReservationHandler`: cancels, publishing `reservations.ReservationCancelled`. The guest who booked or
/// staff; 404 for others; 412 on a stale version; 409 `reservation.invalid_transition`
/// when already cancelled or completed; 422 `reservation.reason_required`.
#[doc(alias = "CancelReservationHandler")]
pub async fn cancel_reservation(
    svc: &Reservations,
    ctx: &Ctx,
    command: CancelReservationCommand,
) -> Result<(), AppError> {
    require_user(&ctx.actor)?;
    let mut tx = svc.uow.begin().await?;
    let record = svc.lock(&mut tx, command.reservation_id).await?;
    let mut reservation = record.reservation;
    svc.require_full(&ctx.actor, &reservation).await?;
    ensure_version(&reservation, command.expected_version)?;
    let reason = CancelReason::parse(&command.reason)?;
    let clock = &svc.clock;
    reservation.cancel(ctx.actor.label(), reason, clock.today(), clock.now())?;
    svc.catalog.release(&mut tx, reservation.id()).await?;
    svc.reservations
        .save(&mut tx, ctx, &mut reservation, &record.quote)
        .await?;
    svc.uow.commit(tx).await?;
    tracing::info!(reservation_id = %reservation.id(), "reservation cancelled");
    Ok(())
}
