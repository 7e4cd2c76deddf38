//! The scheduled jobs of the context, as queue consumers: the scheduler enqueues them,
//! a worker runs them.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_infrastructure::queue::{Consumer, ConsumerError, Delivery, Subscription};

use crate::application::{
    Payments,
    commands::{hold_deposits, post_to_ledger, request_balances},
};

/// Runs the context's jobs.
pub struct PaymentJobs {
    app: Arc<Payments>,
}

impl PaymentJobs {
    /// The jobs' handler.
    pub fn new(app: Arc<Payments>) -> Self {
        Self { app }
    }
}

#[async_trait]
impl Consumer for PaymentJobs {
    fn name(&self) -> &'static str {
        "payments.jobs"
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        vec![
            Subscription::Job(request_balances::JOB),
            Subscription::Job(post_to_ledger::JOB),
            Subscription::Job(hold_deposits::JOB),
        ]
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        match delivery.message.message_type.as_str() {
            request_balances::JOB => {
                let asked = request_balances::request_balances(&self.app)
                    .await
                    .map_err(|e| ConsumerError::Retry(e.internal.unwrap_or(e.message)))?;
                tracing::info!(asked, "balances asked for");
                Ok(())
            }
            hold_deposits::JOB => {
                let done = hold_deposits::hold_deposits(&self.app)
                    .await
                    .map_err(|e| ConsumerError::Retry(e.internal.unwrap_or(e.message)))?;
                tracing::info!(
                    placed = done.placed,
                    renewed = done.renewed,
                    released = done.released,
                    "security deposits"
                );
                Ok(())
            }
            post_to_ledger::JOB => {
                let settled = post_to_ledger::settle_stays(&self.app)
                    .await
                    .map_err(|e| ConsumerError::Retry(e.internal.unwrap_or(e.message)))?;
                tracing::info!(settled, "stays settled");
                Ok(())
            }
            other => Err(ConsumerError::Permanent(format!("unknown job {other}"))),
        }
    }
}
