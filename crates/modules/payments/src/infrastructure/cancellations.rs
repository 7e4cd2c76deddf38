//! Cancelled bookings: the reservations context's `reservations.ReservationCancelled`
//! (its published language) becomes a `RefundCancellationCommand` for the refund its
//! policy computed; and the context's own `payments.PaymentSucceeded`, a
//! `RefundLatePaymentCommand` (money landing after the booking was cancelled goes back).

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::Ctx;
use sejour_infrastructure::queue::{Consumer, ConsumerError, Delivery, Subscription};
use sejour_reservations::published_language::{ReservationCancelled, event_types};

use crate::published_language::{PaymentSucceeded, event_types as payment_events};

use crate::application::{
    Payments,
    commands::refund_cancellation::{
        RefundCancellationCommand, RefundLatePaymentCommand, refund_cancellation,
        refund_late_payment,
    },
};

/// Refunds cancelled bookings.
pub struct CancellationRefunds {
    app: Arc<Payments>,
}

impl CancellationRefunds {
    /// The consumer on the context's use cases.
    pub fn new(app: Arc<Payments>) -> Self {
        Self { app }
    }
}

#[async_trait]
impl Consumer for CancellationRefunds {
    fn name(&self) -> &'static str {
        "payments.refunds"
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        vec![
            Subscription::Event(event_types::CANCELLED),
            Subscription::Event(payment_events::SUCCEEDED),
        ]
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        let message = &delivery.message;
        let bad =
            |e: serde_json::Error| ConsumerError::Permanent(format!("event {}: {e}", message.id));
        let retry =
            |e: sejour_core::AppError| ConsumerError::Retry(e.internal.unwrap_or(e.message));
        let ctx = Ctx::system(self.name(), message.id.to_string());
        if message.message_type == payment_events::SUCCEEDED {
            let paid: PaymentSucceeded =
                serde_json::from_value(message.payload.clone()).map_err(bad)?;
            let command = RefundLatePaymentCommand {
                reservation_id: paid.reservation_id,
                payment_id: paid.payment_id,
            };
            if let Some(back) = refund_late_payment(&self.app, &ctx, command)
                .await
                .map_err(retry)?
            {
                tracing::warn!(reservation_id = %paid.reservation_id, refunded = back.amount_minor(), "late payment refunded");
            }
            return Ok(());
        }
        let cancelled: ReservationCancelled =
            serde_json::from_value(message.payload.clone()).map_err(bad)?;
        let command = RefundCancellationCommand {
            reservation_id: cancelled.reservation_id,
            refund_due: cancelled.refund_due,
        };
        let back = refund_cancellation(&self.app, &ctx, command)
            .await
            .map_err(retry)?;
        tracing::info!(reservation_id = %cancelled.reservation_id, refunded = back.amount_minor(), "cancellation refunded");
        Ok(())
    }
}
