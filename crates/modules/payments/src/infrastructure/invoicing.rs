//! Issuing the documents of the money: the context's own `payments.PaymentSucceeded` and
//! `payments.PaymentRefunded` become `IssueInvoiceCommand`s, after the payment or refund
//! committed (so a rolled-back payment never holds an invoice number). Rendering the
//! documents to PDF is not there yet.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::{Ctx, ErrorKind};
use sejour_infrastructure::queue::{Consumer, ConsumerError, Delivery, Subscription};

use crate::{
    application::{
        Payments,
        commands::issue_invoice::{IssueInvoiceCommand, issue_invoice},
    },
    published_language::{PaymentRefunded, PaymentSucceeded, event_types},
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
        vec![
            Subscription::Event(event_types::SUCCEEDED),
            Subscription::Event(event_types::REFUNDED),
        ]
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        let message = &delivery.message;
        let bad =
            |e: serde_json::Error| ConsumerError::Permanent(format!("event {}: {e}", message.id));
        let payload = message.payload.clone();
        let command = match message.message_type.as_str() {
            event_types::REFUNDED => {
                let refunded: PaymentRefunded = serde_json::from_value(payload).map_err(bad)?;
                IssueInvoiceCommand::Refund {
                    reservation_id: refunded.reservation_id,
                    refund_id: refunded.refund_id,
                }
            }
            _ => {
                let paid: PaymentSucceeded = serde_json::from_value(payload).map_err(bad)?;
                IssueInvoiceCommand::Payment {
                    reservation_id: paid.reservation_id,
                    payment_id: paid.payment_id,
                }
            }
        };
        let ctx = Ctx::system(self.name(), message.id.to_string());
        match issue_invoice(&self.app, &ctx, command).await {
            Ok(issued) => {
                if let Some(invoice) = issued {
                    tracing::info!(invoice = %invoice.reference(), "invoice issued");
                }
                Ok(())
            }
            Err(e) if e.kind == ErrorKind::NotFound => Err(ConsumerError::Permanent(format!(
                "{}: {}",
                e.code, e.message
            ))),
            Err(e) => Err(ConsumerError::Retry(e.internal.unwrap_or(e.message))),
        }
    }
}
