//! Keeping the books: the context's own `payments.PaymentSucceeded` and
//! `payments.PaymentRefunded` become `PostToLedgerCommand`s, once each.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::Ctx;
use sejour_infrastructure::queue::{Consumer, ConsumerError, Delivery, Subscription};

use super::{MoneyMoved, consumer_error};
use crate::application::{
    Payments,
    commands::post_to_ledger::{PostToLedgerCommand, post_to_ledger},
};

/// Posts payments and refunds to the ledger.
pub struct Bookkeeping {
    app: Arc<Payments>,
}

impl Bookkeeping {
    /// The consumer on the context's use cases.
    pub fn new(app: Arc<Payments>) -> Self {
        Self { app }
    }
}

#[async_trait]
impl Consumer for Bookkeeping {
    fn name(&self) -> &'static str {
        "payments.ledger"
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        MoneyMoved::subscriptions()
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        let command = match MoneyMoved::read(delivery)? {
            MoneyMoved::Refunded(refunded) => PostToLedgerCommand::Refund {
                reservation_id: refunded.reservation_id,
                refund_id: refunded.refund_id,
                amount: refunded.amount,
            },
            MoneyMoved::Paid(paid) => PostToLedgerCommand::Payment {
                reservation_id: paid.reservation_id,
                payment_id: paid.payment_id,
                amount: paid.amount,
            },
        };
        let ctx = Ctx::system(self.name(), delivery.message.id.to_string());
        post_to_ledger(&self.app, &ctx, command)
            .await
            .map_err(consumer_error)?;
        Ok(())
    }
}
