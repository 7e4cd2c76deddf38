//! `RequestBalancesCommand`, the scheduler's `payments.request_balances` (daily): each
//! confirmed booking whose balance falls due is charged on the card its guest saved (with
//! their consent) at checkout; without one, or when the card refuses (the agency is told
//! then), it gets a payment at the gateway's checkout and an email to the guest with its
//! link. A balance already waiting at its checkout is not asked again; a declined one is
//! asked again the next day.

use sejour_core::{AppError, Ctx, ErrorKind, mail::MailMessage};

use super::{
    hold_deposits::tell_agency,
    request_payment::{RequestPaymentCommand, request_payment},
};
use crate::{
    application::Payments,
    domain::{Payment, PaymentStatus},
};

/// The job's name; the scheduler enqueues it.
pub const JOB: &str = "payments.request_balances";

/// Bookings handled per run at most (the next run takes the rest).
const BATCH: i64 = 500;

/// The guest's letter: French, then English (a booking made without an account has no
/// language of its own).
fn letter(first_name: &str, amount: &str, link: &str) -> String {
    format!(
        "Bonjour {first_name},\n\nLe solde de votre séjour, {amount}, est à régler. \
         Payez-le en ligne : {link}\n\nHello {first_name},\n\nThe balance of your stay, \
         {amount}, is now due. Pay it online: {link}\n"
    )
}

/// The balance's payment, and whether it is new; `None` when the booking changed
/// meanwhile (cancelled, paid) and there is nothing to ask.
async fn ask(
    app: &Payments,
    ctx: &Ctx,
    command: RequestPaymentCommand,
) -> Result<Option<(Payment, bool)>, AppError> {
    let id = command.reservation_id;
    match request_payment(app, ctx, command).await {
        Ok(done) => Ok(Some(done)),
        Err(e) if matches!(e.kind, ErrorKind::Conflict | ErrorKind::Unprocessable) => {
            tracing::info!(reservation_id = %id, code = %e.code, "balance not asked");
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// `RequestBalancesHandler`: how many guests were asked (or charged).
#[doc(alias = "RequestBalancesHandler")]
pub async fn request_balances(app: &Payments) -> Result<u64, AppError> {
    let ctx = Ctx::system(JOB, app.ids.new_id().to_string());
    let mut asked = 0;
    for id in app.book.balances_due(app.clock.today(), BATCH).await? {
        let command = |off_session| RequestPaymentCommand {
            reservation_id: id,
            return_url: format!("/fr/account/reservations/{id}?paid=1"),
            off_session,
            save_card: false,
        };
        let Some((mut payment, mut new)) = ask(app, &ctx, command(true)).await? else {
            continue;
        };
        match payment.status {
            PaymentStatus::Succeeded => {
                asked += 1;
                continue;
            }
            PaymentStatus::Failed => {
                tell_agency(app, &ctx, id, "le solde / the balance").await?;
                let Some(asked_again) = ask(app, &ctx, command(false)).await? else {
                    continue;
                };
                (payment, new) = asked_again;
            }
            PaymentStatus::Pending => {}
        }
        let Some(url) = payment.checkout_url.filter(|_| new) else {
            continue;
        };
        let booking = app.book.payable(&ctx, id).await?;
        let link = if url.starts_with('/') {
            format!("{}/fr{url}", app.public_url.trim_end_matches('/'))
        } else {
            url
        };
        let message = MailMessage {
            to: booking.guest_email,
            subject: "Solde de votre séjour — Balance of your stay".to_owned(),
            text: letter(
                &booking.guest_first_name,
                &payment.amount.to_string(),
                &link,
            ),
        };
        let mut tx = app.uow.begin().await?;
        app.mail.enqueue(&mut tx, &ctx, &message).await?;
        app.uow.commit(tx).await?;
        asked += 1;
    }
    Ok(asked)
}
