//! `RecordPaymentCommand`: the payments context took money for a booking (its
//! `PaymentSucceeded`); the reservation records it, once per payment, and a pending
//! booking whose deposit is paid is confirmed.

use sejour_core::{AppError, Ctx, value_objects::Money};
use uuid::Uuid;

use super::super::Reservations;

/// Record this payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordPaymentCommand {
    /// The reservation paid.
    pub reservation_id: Uuid,
    /// The payment (what makes a redelivery a no-op).
    pub payment_id: Uuid,
    /// How much.
    pub amount: Money,
}

/// `RecordPaymentHandler`: publishes `reservations.ReservationPaymentReceived` (and
/// `ReservationConfirmed` when it confirms); a payment already recorded changes nothing.
/// Returns whether it was new.
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
        .note_payment(
            &mut tx,
            command.reservation_id,
            command.payment_id,
            command.amount,
            now,
        )
        .await?
    {
        return Ok(false);
    }
    let mut reservation = record.reservation;
    reservation.record_payment(command.payment_id, command.amount, now)?;
    svc.reservations
        .save(&mut tx, ctx, &mut reservation, &record.quote)
        .await?;
    svc.uow.commit(tx).await?;
    tracing::info!(
        reservation_id = %command.reservation_id,
        payment_id = %command.payment_id,
        status = reservation.status().as_str(),
        "payment recorded"
    );
    Ok(true)
}
