//! `RefundCancellationCommand`: a booking was cancelled with a refund due (its frozen
//! cancellation policy, computed by the reservations context); its checkouts still open
//! are closed, and the money goes back through each payment's gateway, the latest
//! payments first, each payment refunded once whatever the redeliveries.
//! `RefundLatePaymentCommand`: money that lands after its booking was cancelled goes back
//! in full.

use sejour_core::{AppError, Ctx, value_objects::Money};
use uuid::Uuid;

use crate::{
    application::Payments,
    domain::{
        GatewayError, PaymentStatus, Refund, RefundReason, RefundRequest, RefundStatus,
        allocate_refund,
    },
};

/// Give back what the cancellation says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefundCancellationCommand {
    /// The cancelled reservation.
    pub reservation_id: Uuid,
    /// What its policy refunds.
    pub refund_due: Money,
}

/// Give back a payment that landed after its booking was cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefundLatePaymentCommand {
    /// The reservation.
    pub reservation_id: Uuid,
    /// The payment that succeeded.
    pub payment_id: Uuid,
}

/// `RefundCancellationHandler`: closes the checkouts still open (`PaymentFailed`,
/// "cancelled"; one the gateway reports settled is left to its notification), stores each
/// refund before the gateway is asked (its id is the idempotency key), then publishes
/// `payments.PaymentRefunded` for each one the gateway takes. A gateway that cannot answer
/// now fails the command, to be retried; a refund it refuses is marked failed. Returns
/// what went back.
#[doc(alias = "RefundCancellationHandler")]
pub async fn refund_cancellation(
    app: &Payments,
    ctx: &Ctx,
    command: RefundCancellationCommand,
) -> Result<Money, AppError> {
    let unavailable = |e: GatewayError| AppError::unavailable(e);
    for mut payment in app.payments.list(command.reservation_id).await? {
        let (PaymentStatus::Pending, Some(reference)) =
            (payment.status, payment.provider_ref.clone())
        else {
            continue;
        };
        let gateway = app.gateway_named(&payment.provider)?;
        if gateway
            .cancel_payment(&reference)
            .await
            .map_err(unavailable)?
        {
            let events = payment
                .fail("cancelled", app.clock.now())
                .into_iter()
                .collect();
            let mut tx = app.uow.begin().await?;
            app.payments.save(&mut tx, ctx, &payment, events).await?;
            app.uow.commit(tx).await?;
        }
    }
    let payments = app.payments.list(command.reservation_id).await?;
    let stored = app.payments.refunds(command.reservation_id).await?;
    // A redelivery finds the shares already stored (one per payment and reason).
    if !stored
        .iter()
        .any(|r| r.reason == RefundReason::Cancellation)
        && command.refund_due.amount_minor() > 0
    {
        let earlier: Vec<(Uuid, Money)> = stored.iter().map(|r| (r.payment_id, r.amount)).collect();
        let mut tx = app.uow.begin().await?;
        for (payment_id, amount) in allocate_refund(&payments, &earlier, command.refund_due) {
            if let Some(payment) = payments.iter().find(|p| p.id == payment_id) {
                let refund = Refund::open(
                    app.ids.new_id(),
                    RefundReason::Cancellation,
                    payment,
                    amount,
                    app.clock.now(),
                );
                app.payments.insert_refund(&mut tx, &refund).await?;
            }
        }
        app.uow.commit(tx).await?;
    }
    send_refunds(app, ctx, command.reservation_id).await
}

/// `RefundLatePaymentHandler`: when the payment's booking is no longer active (cancelled,
/// expired), a refund of all of it, stored once and sent; nothing otherwise. Returns what
/// went back for the booking.
#[doc(alias = "RefundLatePaymentHandler")]
pub async fn refund_late_payment(
    app: &Payments,
    ctx: &Ctx,
    command: RefundLatePaymentCommand,
) -> Result<Option<Money>, AppError> {
    if app.book.payable(ctx, command.reservation_id).await?.active {
        return Ok(None);
    }
    let payments = app.payments.list(command.reservation_id).await?;
    let Some(payment) = payments
        .iter()
        .find(|p| p.id == command.payment_id && p.status == PaymentStatus::Succeeded)
    else {
        return Ok(None);
    };
    let refund = Refund::open(
        app.ids.new_id(),
        RefundReason::LatePayment,
        payment,
        payment.amount,
        app.clock.now(),
    );
    let mut tx = app.uow.begin().await?;
    app.payments.insert_refund(&mut tx, &refund).await?;
    app.uow.commit(tx).await?;
    send_refunds(app, ctx, command.reservation_id)
        .await
        .map(Some)
}

/// Sends the booking's refunds still pending through each payment's gateway; what went
/// back in all.
pub(crate) async fn send_refunds(
    app: &Payments,
    ctx: &Ctx,
    reservation_id: Uuid,
) -> Result<Money, AppError> {
    let payments = app.payments.list(reservation_id).await?;
    let refunds = app.payments.refunds(reservation_id).await?;
    let currency = payments
        .first()
        .map(|p| p.amount.currency())
        .unwrap_or(sejour_core::value_objects::Currency::EUR);
    let mut back = Money::zero(currency);
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
