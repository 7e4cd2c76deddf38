//! `RefundCancellationCommand`: a booking was cancelled with a refund due (its frozen
//! cancellation policy, computed by the reservations context); the money goes back
//! through the gateway, the latest payments first, each payment refunded once whatever
//! the redeliveries.

use sejour_core::{AppError, Ctx, value_objects::Money};
use uuid::Uuid;

use crate::{
    application::Payments,
    domain::{GatewayError, Refund, RefundRequest, RefundStatus, allocate_refund},
};

/// Give back what the cancellation says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefundCancellationCommand {
    /// The cancelled reservation.
    pub reservation_id: Uuid,
    /// What its policy refunds.
    pub refund_due: Money,
}

/// `RefundCancellationHandler`: stores each refund before the gateway is asked (its id is
/// the idempotency key), then publishes `payments.PaymentRefunded` for each one the
/// gateway takes. A refund the gateway cannot make now stays pending and fails the
/// command, to be retried; one it refuses is marked failed. Returns what went back.
#[doc(alias = "RefundCancellationHandler")]
pub async fn refund_cancellation(
    app: &Payments,
    ctx: &Ctx,
    command: RefundCancellationCommand,
) -> Result<Money, AppError> {
    let payments = app.payments.list(command.reservation_id).await?;
    let mut refunds = app.payments.refunds(command.reservation_id).await?;
    // A redelivery finds the shares already stored (one per payment and reason).
    if refunds.is_empty() && command.refund_due.amount_minor() > 0 {
        let mut tx = app.uow.begin().await?;
        for (payment_id, amount) in allocate_refund(&payments, &[], command.refund_due) {
            if let Some(payment) = payments.iter().find(|p| p.id == payment_id) {
                let refund = Refund::open(app.ids.new_id(), payment, amount, app.clock.now());
                if app.payments.insert_refund(&mut tx, &refund).await? {
                    refunds.push(refund);
                }
            }
        }
        app.uow.commit(tx).await?;
    }
    let mut back = Money::zero(command.refund_due.currency());
    for mut refund in refunds {
        let paid_with = payments
            .iter()
            .find(|p| p.id == refund.payment_id)
            .and_then(|p| Some((p.provider.as_str(), p.provider_ref.clone()?)));
        if let (RefundStatus::Pending, Some((provider, provider_ref))) = (refund.status, paid_with)
        {
            let request = RefundRequest {
                refund_id: refund.id,
                provider_ref,
                amount: refund.amount,
            };
            let events = match app.gateway_named(provider)?.refund(&request).await {
                Ok(reference) => vec![refund.succeed(reference, app.clock.now())],
                Err(GatewayError::Unavailable(e)) => {
                    return Err(AppError::unavailable(format!("refund {}: {e}", refund.id)));
                }
                Err(e) => {
                    refund.fail(&e.to_string(), app.clock.now());
                    Vec::new()
                }
            };
            let mut tx = app.uow.begin().await?;
            app.payments
                .save_refund(&mut tx, ctx, &refund, events)
                .await?;
            app.uow.commit(tx).await?;
        }
        if refund.status == RefundStatus::Succeeded {
            back = back
                .checked_add(refund.amount)
                .map_err(AppError::internal)?;
        }
    }
    Ok(back)
}
