//! `RequestBalancesCommand`, the scheduler's `payments.request_balances` (daily): each
//! confirmed booking whose balance falls due gets a payment at the gateway's checkout and
//! an email to the guest with its link. A balance already waiting at its checkout is not
//! asked again; a declined one is asked again the next day.

use sejour_core::{AppError, Ctx, ErrorKind, mail::MailMessage};

use super::request_payment::{RequestPaymentCommand, request_payment};
use crate::application::Payments;

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

/// `RequestBalancesHandler`: how many guests were asked.
#[doc(alias = "RequestBalancesHandler")]
pub async fn request_balances(app: &Payments) -> Result<u64, AppError> {
    let ctx = Ctx::system(JOB, app.ids.new_id().to_string());
    let mut asked = 0;
    for id in app.book.balances_due(app.clock.today(), BATCH).await? {
        let command = RequestPaymentCommand {
            reservation_id: id,
            return_url: format!("/fr/account/reservations/{id}?paid=1"),
        };
        let (payment, new) = match request_payment(app, &ctx, command).await {
            Ok(done) => done,
            // Changed meanwhile (cancelled, paid): nothing to ask.
            Err(e) if matches!(e.kind, ErrorKind::Conflict | ErrorKind::Unprocessable) => {
                tracing::info!(reservation_id = %id, code = %e.code, "balance not asked");
                continue;
            }
            Err(e) => return Err(e),
        };
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
