//! Money moved by the payments context: its `payments.PaymentSucceeded` and
//! `payments.PaymentRefunded` events, read as this context needs them (a tolerant reader
//! of the payments' published language: the payments context depends on reservations'
//! published interface, so reservations names the events rather than depending back),
//! become `RecordPaymentCommand`s.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::{Ctx, ErrorKind, value_objects::Money};
use sejour_infrastructure::queue::{Consumer, ConsumerError, Delivery, Subscription};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    application::{
        Reservations,
        commands::record_payment::{RecordPaymentCommand, record_payment},
    },
    domain::MoneyMovement,
};

/// The payments context's event of a payment taken.
pub const PAYMENT_SUCCEEDED: &str = "payments.PaymentSucceeded";
/// The payments context's event of a refund sent.
pub const PAYMENT_REFUNDED: &str = "payments.PaymentRefunded";

/// What reservations reads of those events' payloads.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MoneyMovedView {
    /// The payment (paid or refunded).
    pub payment_id: Uuid,
    /// The refund, for `PaymentRefunded`.
    pub refund_id: Option<Uuid>,
    /// The reservation.
    pub reservation_id: Uuid,
    /// How much.
    pub amount: Money,
}

/// Records the money of reservations.
pub struct PaymentListener {
    svc: Arc<Reservations>,
}

impl PaymentListener {
    /// The listener on the context's use cases.
    pub fn new(svc: Arc<Reservations>) -> Self {
        Self { svc }
    }
}

#[async_trait]
impl Consumer for PaymentListener {
    fn name(&self) -> &'static str {
        "reservations.payments"
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        vec![
            Subscription::Event(PAYMENT_SUCCEEDED),
            Subscription::Event(PAYMENT_REFUNDED),
        ]
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        let message = &delivery.message;
        let bad = |e: String| ConsumerError::Permanent(format!("event {}: {e}", message.id));
        let moved: MoneyMovedView =
            serde_json::from_value(message.payload.clone()).map_err(|e| bad(e.to_string()))?;
        let movement = match (message.message_type.as_str(), moved.refund_id) {
            (PAYMENT_REFUNDED, Some(refund_id)) => MoneyMovement::Refunded {
                refund_id,
                amount: moved.amount,
            },
            (PAYMENT_SUCCEEDED, _) => MoneyMovement::Received {
                payment_id: moved.payment_id,
                amount: moved.amount,
            },
            (other, _) => return Err(bad(format!("{other} is not a payment event"))),
        };
        let ctx = Ctx::system(self.name(), message.id.to_string());
        let command = RecordPaymentCommand {
            reservation_id: moved.reservation_id,
            movement,
        };
        match record_payment(&self.svc, &ctx, command).await {
            Ok(_) => Ok(()),
            // A reservation that does not exist or refuses the money will not change its
            // mind: the dead letters show it to the agency.
            Err(e) if matches!(e.kind, ErrorKind::NotFound | ErrorKind::Unprocessable) => Err(
                ConsumerError::Permanent(format!("{}: {}", e.code, e.message)),
            ),
            Err(e) => Err(ConsumerError::Retry(e.internal.unwrap_or(e.message))),
        }
    }
}
