//! Cancelled bookings: the reservations context's `reservations.ReservationCancelled`
//! (its published language) becomes a `RefundCancellationCommand` for the refund its
//! policy computed.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::Ctx;
use sejour_infrastructure::queue::{Consumer, ConsumerError, Delivery, Subscription};
use sejour_reservations::published_language::{ReservationCancelled, event_types};

use crate::application::{
    Payments,
    commands::refund_cancellation::{RefundCancellationCommand, refund_cancellation},
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
        vec![Subscription::Event(event_types::CANCELLED)]
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        let message = &delivery.message;
        let cancelled: ReservationCancelled = serde_json::from_value(message.payload.clone())
            .map_err(|e| ConsumerError::Permanent(format!("event {}: {e}", message.id)))?;
        let ctx = Ctx::system(self.name(), message.id.to_string());
        let command = RefundCancellationCommand {
            reservation_id: cancelled.reservation_id,
            refund_due: cancelled.refund_due,
        };
        let back = refund_cancellation(&self.app, &ctx, command)
            .await
            .map_err(|e| ConsumerError::Retry(e.internal.unwrap_or(e.message)))?;
        tracing::info!(reservation_id = %cancelled.reservation_id, refunded = back.amount_minor(), "cancellation refunded");
        Ok(())
    }
}
