//! `ConfirmReservationCommand`: a manager confirms a pending booking; so may another
//! context acting as the system (the payments context, on a paid deposit).

use sejour_core::{Actor, AppError, Ctx, authz::require_staff, cqrs::Command};
use uuid::Uuid;

use super::super::{Reservations, ensure_version};

/// Confirm this reservation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConfirmReservationCommand {
    /// Which.
    pub reservation_id: Uuid,
    /// The version the caller read (`If-Match`), if given.
    pub expected_version: Option<i32>,
}

impl Command for ConfirmReservationCommand {
    type Output = ();
}

/// `ConfirmReservationHandler`: confirms, publishing `reservations.ReservationConfirmed`. Staff or the system (401/403
/// otherwise); 404; 412 on a stale version; 409 `reservation.invalid_transition` unless
/// pending.
#[doc(alias = "ConfirmReservationHandler")]
pub async fn confirm_reservation(
    svc: &Reservations,
    ctx: &Ctx,
    command: ConfirmReservationCommand,
) -> Result<(), AppError> {
    if !matches!(ctx.actor, Actor::System { .. }) {
        require_staff(&ctx.actor)?;
    }
    let mut tx = svc.uow.begin().await?;
    let record = svc.lock(&mut tx, command.reservation_id).await?;
    let mut reservation = record.reservation;
    ensure_version(&reservation, command.expected_version)?;
    reservation.confirm(svc.clock.now())?;
    svc.reservations
        .save(&mut tx, ctx, &mut reservation, &record.quote)
        .await?;
    svc.uow.commit(tx).await?;
    tracing::info!(reservation_id = %reservation.id(), "reservation confirmed");
    Ok(())
}
