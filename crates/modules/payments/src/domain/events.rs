//! The facts the [`super::Payment`] publishes on the outbox (and hence in the audit
//! trail); payloads are the [`crate::published_language`] structs.

use sejour_core::DomainEvent;
use serde::Serialize;

pub use crate::published_language::{
    PaymentFailed, PaymentRefunded, PaymentSucceeded, event_types as types,
};

/// Something that happened to a payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum PaymentEvent {
    /// `payments.PaymentSucceeded`.
    PaymentSucceeded(PaymentSucceeded),
    /// `payments.PaymentFailed`.
    PaymentFailed(PaymentFailed),
    /// `payments.PaymentRefunded`.
    PaymentRefunded(PaymentRefunded),
}

impl DomainEvent for PaymentEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::PaymentSucceeded(_) => types::SUCCEEDED,
            Self::PaymentFailed(_) => types::FAILED,
            Self::PaymentRefunded(_) => types::REFUNDED,
        }
    }

    fn aggregate_type(&self) -> &'static str {
        "payment"
    }

    fn aggregate_id(&self) -> String {
        match self {
            Self::PaymentSucceeded(e) => e.payment_id.to_string(),
            Self::PaymentFailed(e) => e.payment_id.to_string(),
            Self::PaymentRefunded(e) => e.payment_id.to_string(),
        }
    }
}
