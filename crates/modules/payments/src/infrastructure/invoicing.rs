//! Issuing the documents of the money: the context's own `payments.PaymentSucceeded` and
//! `payments.PaymentRefunded` become `IssueInvoiceCommand`s, after the payment or refund
//! committed (so a rolled-back payment never holds an invoice number), each rendered to
//! PDF and kept on object storage.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::Ctx;
use sejour_infrastructure::queue::{Consumer, ConsumerError, Delivery, Subscription};

use super::{MoneyMoved, consumer_error};
use crate::application::{
    Payments,
    commands::issue_invoice::{IssueInvoiceCommand, issue_invoice},
    queries::list_invoices::archived,
};

/// Issues invoices and credit notes.
#[doc(alias = "GenerateInvoiceWorker")]
pub struct Invoicing {
    app: Arc<Payments>,
}

impl Invoicing {
    /// The consumer on the context's use cases.
    pub fn new(app: Arc<Payments>) -> Self {
        Self { app }
    }
}

#[async_trait]
impl Consumer for Invoicing {
    fn name(&self) -> &'static str {
        "payments.invoices"
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        MoneyMoved::subscriptions()
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        let command = match MoneyMoved::read(delivery)? {
            MoneyMoved::Refunded(refunded) => IssueInvoiceCommand::Refund {
                reservation_id: refunded.reservation_id,
                refund_id: refunded.refund_id,
            },
            MoneyMoved::Paid(paid) => IssueInvoiceCommand::Payment {
                reservation_id: paid.reservation_id,
                payment_id: paid.payment_id,
            },
        };
        let ctx = Ctx::system(self.name(), delivery.message.id.to_string());
        let issued = issue_invoice(&self.app, &ctx, command)
            .await
            .map_err(consumer_error)?;
        if let Some(invoice) = issued {
            tracing::info!(invoice = %invoice.reference(), "invoice issued");
            archived(&self.app, &invoice)
                .await
                .map_err(consumer_error)?;
        }
        Ok(())
    }
}
