//! `RequestPaymentCommand`: the guest (or staff) asks to pay the next installment of a
//! reservation's schedule; the gateway opens a checkout.

use sejour_core::{AppError, Ctx, value_objects::InstallmentKind};
use uuid::Uuid;

use crate::{
    application::{Payments, provider_failed},
    domain::{
        Payment, PaymentError, PaymentRequest, PaymentStatus, next_installment, payment::kind_str,
    },
};

/// Pay the next installment of this reservation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestPaymentCommand {
    /// Which reservation.
    pub reservation_id: Uuid,
    /// Where the gateway sends the guest back.
    pub return_url: String,
    /// Charge the card the guest saved for the booking, without them (the scheduler's
    /// balance), when there is one; a checkout otherwise.
    pub off_session: bool,
    /// The guest agrees that the card they pay with at the checkout be kept for the
    /// booking (see [`PaymentRequest::save_card`]).
    pub save_card: bool,
}

/// `RequestPaymentHandler`: the live payment of the next installment (a pending one is
/// given again, so that a retry or a second tab pays once), or a new one with its
/// checkout (or charged at once on the saved card, off-session), and whether it is new. 404 as for the reservation; 409
/// `payment.not_payable` for a cancelled or completed booking, `payment.nothing_due`
/// when all is paid; 422 `payment.too_early` before the installment's date; 503 when the
/// gateway fails (the payment is marked failed: the installment may be asked for again).
#[doc(alias = "RequestPaymentHandler")]
pub async fn request_payment(
    app: &Payments,
    ctx: &Ctx,
    command: RequestPaymentCommand,
) -> Result<(Payment, bool), AppError> {
    let reservation = app.book.payable(ctx, command.reservation_id).await?;
    if !reservation.active {
        return Err(PaymentError::NotPayable {
            status: reservation.status.to_owned(),
        }
        .into());
    }
    let paid: Vec<InstallmentKind> = app
        .payments
        .list(reservation.id)
        .await?
        .into_iter()
        .filter(|p| p.status == PaymentStatus::Succeeded)
        .map(|p| p.kind)
        .collect();
    let installment = next_installment(&reservation.installments, &paid, app.clock.today())?;
    if let Some(live) = app.payments.live(reservation.id, installment.kind).await? {
        return Ok((live, false));
    }

    // Stored before the gateway is called: its id is the gateway's idempotency key, and
    // the store lets one request of many concurrent ones through.
    let card = if command.off_session {
        app.deposits.card(reservation.id).await?
    } else {
        None
    };
    let gateway = match &card {
        Some(kept) => app.gateway_named(&kept.provider)?,
        None => &app.gateway,
    };
    let now = app.clock.now();
    let mut payment = Payment::open(
        app.ids.new_id(),
        reservation.id,
        reservation.customer_id,
        installment,
        gateway.name(),
        now,
    );
    let mut tx = app.uow.begin().await?;
    if !app.payments.insert(&mut tx, &payment).await? {
        drop(tx);
        let live = app.payments.live(reservation.id, installment.kind).await?;
        return live.map(|p| (p, false)).ok_or_else(|| {
            AppError::conflict("payment.in_progress", "A payment is being made; try again.")
        });
    }
    app.uow.commit(tx).await?;

    let request = PaymentRequest {
        payment_id: payment.id,
        amount: payment.amount,
        description: format!(
            "{} {}–{}",
            kind_str(installment.kind),
            reservation.check_in,
            reservation.check_out
        ),
        return_url: command.return_url,
        save_card: command.save_card,
    };
    let outcome = match &card {
        Some(kept) => gateway
            .charge_saved_card(&request, &kept.card.reference)
            .await
            .map(|(reference, outcome)| (reference, None, Some(outcome))),
        None => gateway
            .create_payment(&request)
            .await
            .map(|checkout| (checkout.provider_ref, Some(checkout.url), None)),
    };
    let mut tx = app.uow.begin().await?;
    let now = app.clock.now();
    let events = match &outcome {
        Ok((reference, url, charged)) => {
            payment.provider_ref = Some(reference.clone());
            payment.checkout_url.clone_from(url);
            charged
                .as_ref()
                .and_then(|outcome| payment.settle(outcome, now))
                .into_iter()
                .collect()
        }
        Err(e) => payment.fail(&e.to_string(), now).into_iter().collect(),
    };
    app.payments.save(&mut tx, ctx, &payment, events).await?;
    app.uow.commit(tx).await?;
    match outcome {
        Ok(_) => Ok((payment, true)),
        Err(e) => Err(provider_failed(e)),
    }
}
