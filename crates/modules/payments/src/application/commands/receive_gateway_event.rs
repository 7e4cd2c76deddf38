//! `ReceiveGatewayEventCommand`: a payment provider's notification (a webhook), verified
//! against its signature, taking effect once whatever the redeliveries and their order.

use sejour_core::{AppError, Ctx};

use crate::{
    application::Payments,
    domain::{GatewayError, GatewayOutcome, KeptCard},
};

/// A notification as received: the signature header and the raw body, byte for byte.
#[derive(Debug, Clone, Copy)]
pub struct ReceiveGatewayEventCommand<'a> {
    /// The provider the notification comes from (its route says which).
    pub provider: &'a str,
    /// The signature header's value.
    pub signature: &'a str,
    /// The body, as signed.
    pub body: &'a [u8],
}

/// `ReceiveGatewayEventHandler`: 404 for a provider not configured; 400
/// `payment.invalid_signature` when the signature is
/// missing, wrong or older than the tolerance, `payment.invalid_event` when the body is
/// not understood — nothing changes then. A known event id (a redelivery) changes nothing;
/// an event for a settled payment (out of order) changes nothing. Otherwise the payment
/// succeeds (`payments.PaymentSucceeded`) or fails (`payments.PaymentFailed`); a card the
/// guest agreed to save while paying is kept for the booking.
#[doc(alias = "ReceiveGatewayEventHandler")]
pub async fn receive_gateway_event(
    app: &Payments,
    ctx: &Ctx,
    command: ReceiveGatewayEventCommand<'_>,
) -> Result<(), AppError> {
    let gateway = app.gateway_named(command.provider)?;
    let event = gateway
        .verify_event(command.signature, command.body, app.clock.now().timestamp())
        .await
        .map_err(|e| match e {
            GatewayError::Signature(_) => {
                AppError::bad_request("payment.invalid_signature", e.to_string())
            }
            GatewayError::Payload(_) | GatewayError::Refused(_) => {
                AppError::bad_request("payment.invalid_event", e.to_string())
            }
            GatewayError::Unavailable(_) | GatewayError::Unsupported(_) => AppError::unavailable(e),
        })?;
    let provider = gateway.name();
    let mut tx = app.uow.begin().await?;
    if !app
        .payments
        .first_delivery(&mut tx, provider, &event.event_id)
        .await?
    {
        tracing::info!(event_id = %event.event_id, "gateway event already handled");
        return Ok(());
    }
    let Some(mut payment) = app
        .payments
        .find_by_ref_for_update(&mut tx, provider, &event.provider_ref)
        .await?
    else {
        tracing::warn!(event_id = %event.event_id, "gateway event for an unknown checkout");
        app.uow.commit(tx).await?;
        return Ok(());
    };
    let now = app.clock.now();
    let change = payment.settle(&event.outcome, now);
    if let (GatewayOutcome::Succeeded, Some(card)) = (&event.outcome, event.card) {
        let kept = KeptCard {
            provider: provider.to_owned(),
            card,
            consented_at: now,
        };
        app.deposits
            .keep_card(&mut tx, payment.reservation_id, &kept)
            .await?;
    }
    if let Some(change) = change {
        app.payments
            .save(&mut tx, ctx, &payment, vec![change])
            .await?;
        tracing::info!(
            payment_id = %payment.id,
            status = payment.status.as_str(),
            "payment settled by the gateway"
        );
    }
    app.uow.commit(tx).await?;
    Ok(())
}
