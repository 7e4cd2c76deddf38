//! `RefundGoodwillCommand`: staff give back part of what a guest paid as a commercial
//! gesture (a complaint, a fault): spread over the paid payments, the latest first, each
//! share refunded through its payment's gateway (`payments.PaymentRefunded`, hence a
//! credit note, the ledger's refund entry and, after the stay, a settlement of the
//! difference — a commission credit note among it). Once per request, whatever the
//! retries.

use sejour_core::{AppError, Ctx, authz::require_staff, value_objects::Money};
use uuid::Uuid;

use crate::{
    application::{Payments, commands::refund_cancellation::send_refunds},
    domain::{PaymentError, PaymentStatus, Refund, RefundStatus, allocate_refund},
};

/// A commercial gesture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefundGoodwillCommand {
    /// The booking.
    pub reservation_id: Uuid,
    /// The request's id, made once by the client: a retry with it gives nothing more.
    pub request_id: Uuid,
    /// How much to give back.
    pub amount: Money,
    /// What for (shown on the credit note's booking, kept in the audit trail).
    pub note: String,
}

/// `RefundGoodwillHandler` (staff, 403 otherwise): the booking's refunds after the
/// gesture. 404 as for the booking; 422 `payment.refund_exceeds_paid` for nothing or more
/// than was paid and not given back yet; 503 when a gateway cannot answer (the gesture is
/// stored: asking again sends it).
#[doc(alias = "RefundGoodwillHandler")]
pub async fn refund_goodwill(
    app: &Payments,
    ctx: &Ctx,
    command: RefundGoodwillCommand,
) -> Result<Vec<Refund>, AppError> {
    require_staff(&ctx.actor)?;
    app.book.payable(ctx, command.reservation_id).await?;
    let stored = app.payments.refunds(command.reservation_id).await?;
    if !stored.iter().any(|r| r.gesture == Some(command.request_id)) {
        let payments = app.payments.list(command.reservation_id).await?;
        let given: Vec<(Uuid, Money)> = stored
            .iter()
            .filter(|r| r.status != RefundStatus::Failed)
            .map(|r| (r.payment_id, r.amount))
            .collect();
        let paid: i64 = payments
            .iter()
            .filter(|p| {
                p.status == PaymentStatus::Succeeded
                    && p.amount.currency() == command.amount.currency()
            })
            .map(|p| p.amount.amount_minor())
            .sum();
        let refundable = paid - given.iter().map(|(_, m)| m.amount_minor()).sum::<i64>();
        let wanted = command.amount.amount_minor();
        if wanted <= 0 || wanted > refundable {
            return Err(PaymentError::RefundExceedsPaid {
                refundable: refundable.max(0),
            }
            .into());
        }
        let mut tx = app.uow.begin().await?;
        for (payment_id, amount) in allocate_refund(&payments, &given, command.amount) {
            if let Some(payment) = payments.iter().find(|p| p.id == payment_id) {
                let refund = Refund::goodwill(
                    app.ids.new_id(),
                    command.request_id,
                    &command.note,
                    payment,
                    amount,
                    app.clock.now(),
                );
                app.payments.insert_refund(&mut tx, &refund).await?;
            }
        }
        app.uow.commit(tx).await?;
    }
    send_refunds(app, ctx, command.reservation_id).await?;
    app.payments.refunds(command.reservation_id).await
}
