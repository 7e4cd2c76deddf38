//! `ConfirmReservationCommand`: a manager confirms a pending booking; so may another
//! context acting as the system (the payments context, on a paid deposit).

use sejour_core::UnitOfWork;
use sejour_core::{Actor, AppError, Ctx, authz::require_staff};
use sejour_infrastructure::store::pg;
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

/// Confirms, publishing `reservations.ReservationConfirmed`. Staff or the system (401/403
/// otherwise); 404; 412 on a stale version; 409 `reservation.invalid_transition` unless
/// pending.
pub async fn confirm_reservation(
    svc: &Reservations,
    ctx: &Ctx,
    command: ConfirmReservationCommand,
) -> Result<(), AppError> {
    if !matches!(ctx.actor, Actor::System { .. }) {
        require_staff(&ctx.actor)?;
    }
    let uow = svc.repo.unit_of_work();
    let mut tx = uow.begin().await?;
    let record = svc.lock(pg(&mut tx)?, command.reservation_id).await?;
    let mut reservation = record.reservation;
    ensure_version(&reservation, command.expected_version)?;
    reservation.confirm(svc.repo.clock().now())?;
    svc.repo
        .update(pg(&mut tx)?, ctx, &mut reservation, &record.quote)
        .await?;
    uow.commit(tx).await?;
    tracing::info!(reservation_id = %reservation.id(), "reservation confirmed");
    Ok(())
}
