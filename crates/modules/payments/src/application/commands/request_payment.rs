//! `RequestPaymentCommand`: the guest (or staff) asks to pay the next installment of a
//! reservation's schedule; the gateway opens a checkout.

use sejour_core::{AppError, Ctx, value_objects::InstallmentKind};
use uuid::Uuid;

use crate::{
    application::Payments,
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
}

/// `RequestPaymentHandler`: the live payment of the next installment (a pending one is
/// given again, so that a retry or a second tab pays once), or a new one with its
/// checkout, and whether it is new. 404 as for the reservation; 409
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
    let now = app.clock.now();
    let mut payment = Payment::open(
        app.ids.new_id(),
        reservation.id,
        reservation.customer_id,
        installment,
        app.gateway.name(),
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
    };
    let outcome = app.gateway.create_payment(&request).await;
    let mut tx = app.uow.begin().await?;
    let events = match &outcome {
        Ok(checkout) => {
            payment.provider_ref = Some(checkout.provider_ref.clone());
            payment.checkout_url = Some(checkout.url.clone());
            Vec::new()
        }
        Err(e) => payment
            .fail(&e.to_string(), app.clock.now())
            .into_iter()
            .collect(),
    };
    app.payments.save(&mut tx, ctx, &payment, events).await?;
    app.uow.commit(tx).await?;
    match outcome {
        Ok(_) => Ok((payment, true)),
        Err(e) => Err(AppError::unavailable(format!(
            "The payment provider failed: {e}"
        ))),
    }
}
