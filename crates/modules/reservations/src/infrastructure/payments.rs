//! Money taken by the payments context: its `payments.PaymentSucceeded` events, read as
//! this context needs them (a tolerant reader of the payments' published language: the
//! payments context depends on reservations' published interface, so reservations names
//! the event rather than depending back), become `RecordPaymentCommand`s.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::{Ctx, ErrorKind, value_objects::Money};
use sejour_infrastructure::queue::{Consumer, ConsumerError, Delivery, Subscription};
use serde::Deserialize;
use uuid::Uuid;

use crate::application::{
    Reservations,
    commands::record_payment::{RecordPaymentCommand, record_payment},
};

/// The payments context's event type this consumer reads.
pub const PAYMENT_SUCCEEDED: &str = "payments.PaymentSucceeded";

/// What reservations reads of a `payments.PaymentSucceeded` payload.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentSucceededView {
    /// The payment.
    pub payment_id: Uuid,
    /// The reservation paid.
    pub reservation_id: Uuid,
    /// How much.
    pub amount: Money,
}

/// Records the payments of reservations.
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
        vec![Subscription::Event(PAYMENT_SUCCEEDED)]
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        let message = &delivery.message;
        let paid: PaymentSucceededView = serde_json::from_value(message.payload.clone())
            .map_err(|e| ConsumerError::Permanent(format!("event {}: {e}", message.id)))?;
        let ctx = Ctx::system(self.name(), message.id.to_string());
        let command = RecordPaymentCommand {
            reservation_id: paid.reservation_id,
            payment_id: paid.payment_id,
            amount: paid.amount,
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
