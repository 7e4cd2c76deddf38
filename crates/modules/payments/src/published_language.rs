//! What other contexts may use of payments: the payloads of the events published on the
//! outbox (camelCase JSON objects; the envelope's `type` says which event it is) and
//! their type names. The reservations context reads `PaymentSucceeded` to record the
//! money and confirm a booking whose deposit is paid, and `PaymentRefunded` to record
//! what went back.
//!
//! Pure: std, core, serde, uuid.

use sejour_core::value_objects::{InstallmentKind, Money};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// `payments.PaymentSucceeded`: the gateway confirmed the money of an installment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentSucceeded {
    /// The payment.
    pub payment_id: Uuid,
    /// The reservation paid.
    pub reservation_id: Uuid,
    /// The installment paid.
    pub kind: InstallmentKind,
    /// How much.
    pub amount: Money,
}

/// `payments.PaymentFailed`: the gateway declined the payment of an installment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentFailed {
    /// The payment.
    pub payment_id: Uuid,
    /// The reservation.
    pub reservation_id: Uuid,
    /// The installment.
    pub kind: InstallmentKind,
    /// How much was asked.
    pub amount: Money,
    /// The gateway's reason.
    pub reason: String,
}

/// `payments.PaymentRefunded`: money of a payment went back to the guest (a
/// cancellation's refund).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentRefunded {
    /// The refund.
    pub refund_id: Uuid,
    /// The payment refunded.
    pub payment_id: Uuid,
    /// The reservation.
    pub reservation_id: Uuid,
    /// How much went back.
    pub amount: Money,
}

/// The event type names.
pub mod event_types {
    /// [`super::PaymentSucceeded`].
    pub const SUCCEEDED: &str = "payments.PaymentSucceeded";
    /// [`super::PaymentFailed`].
    pub const FAILED: &str = "payments.PaymentFailed";
    /// [`super::PaymentRefunded`].
    pub const REFUNDED: &str = "payments.PaymentRefunded";
    /// Every payment event.
    pub const ALL: [&str; 3] = [SUCCEEDED, FAILED, REFUNDED];
}
