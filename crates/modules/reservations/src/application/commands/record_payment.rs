//! `RecordPaymentCommand`: the payments context moved money for a booking (its
//! `PaymentSucceeded` or `PaymentRefunded`); the reservation records it, once per payment
//! or refund, and a pending booking whose deposit is paid is confirmed.

use sejour_core::{AppError, Ctx};
use uuid::Uuid;

use super::super::Reservations;
use crate::domain::MoneyMovement;

/// Record this payment or refund.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordPaymentCommand {
    /// The reservation.
    pub reservation_id: Uuid,
    /// What moved (its id makes a redelivery a no-op).
    pub movement: MoneyMovement,
}

/// `RecordPaymentHandler`: publishes `reservations.ReservationPaymentReceived` (and
/// `ReservationConfirmed` when it confirms) or `reservations.ReservationRefunded`; one
/// already recorded changes nothing. Returns whether it was new.
#[doc(alias = "RecordPaymentHandler")]
pub async fn record_payment(
    svc: &Reservations,
    ctx: &Ctx,
    command: RecordPaymentCommand,
) -> Result<bool, AppError> {
    let mut tx = svc.uow.begin().await?;
    let record = svc.lock(&mut tx, command.reservation_id).await?;
    let now = svc.clock.now();
    if !svc
        .reservations
        .note_money(&mut tx, command.reservation_id, command.movement, now)
        .await?
    {
        return Ok(false);
    }
    let mut reservation = record.reservation;
    reservation.record_money(command.movement, now)?;
    svc.reservations
        .save(&mut tx, ctx, &mut reservation, &record.quote)
        .await?;
    svc.uow.commit(tx).await?;
    tracing::info!(
        reservation_id = %command.reservation_id,
        movement = %command.movement.id(),
        status = reservation.status().as_str(),
        "money recorded"
    );
    Ok(true)
}
