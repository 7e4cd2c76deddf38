//! What other contexts may use of payments: the payloads of the events published on the
//! outbox (camelCase JSON objects; the envelope's `type` says which event it is) and
//! their type names. The reservations context reads `PaymentSucceeded` to record the
//! money and confirm a booking whose deposit is paid, and `PaymentRefunded` to record
//! what went back.
//!
//! Pure: std, core, chrono, serde, uuid.

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
/// `payments.PaymentAuthorized`: the security deposit is held on the guest's card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentAuthorized {
    /// The hold.
    pub hold_id: Uuid,
    /// The booking.
    pub reservation_id: Uuid,
    /// How much is held.
    pub amount: Money,
    /// When the provider lets it lapse (it is renewed before, while needed).
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

/// `payments.DepositHoldFailed`: the card refused the security deposit's hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DepositHoldFailed {
    /// The hold.
    pub hold_id: Uuid,
    /// The booking.
    pub reservation_id: Uuid,
    /// How much was to be held.
    pub amount: Money,
    /// The provider's reason.
    pub reason: String,
}

/// `payments.DepositReleased`: the security deposit is given back in full (or, when
/// `renewed`, replaced by a new hold).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DepositReleased {
    /// The hold.
    pub hold_id: Uuid,
    /// The booking.
    pub reservation_id: Uuid,
    /// How much was held.
    pub amount: Money,
    /// Whether a new hold replaced it.
    pub renewed: bool,
}

/// `payments.DepositCaptured`: a damage claim took part (or all) of the security deposit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DepositCaptured {
    /// The hold.
    pub hold_id: Uuid,
    /// The booking.
    pub reservation_id: Uuid,
    /// How much was taken.
    pub amount: Money,
    /// What for.
    pub reason: String,
}

/// `payments.DamagePhotoAdded`: a photo of the damage a security-deposit claim is for,
/// kept as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DamagePhotoAdded {
    /// The photo.
    pub photo_id: Uuid,
    /// The booking.
    pub reservation_id: Uuid,
    /// What it shows.
    pub caption: String,
}

pub mod event_types {
    /// [`super::PaymentSucceeded`].
    pub const SUCCEEDED: &str = "payments.PaymentSucceeded";
    /// [`super::PaymentFailed`].
    pub const FAILED: &str = "payments.PaymentFailed";
    /// [`super::PaymentRefunded`].
    pub const REFUNDED: &str = "payments.PaymentRefunded";
    /// [`super::PaymentAuthorized`].
    pub const AUTHORIZED: &str = "payments.PaymentAuthorized";
    /// [`super::DepositHoldFailed`].
    pub const HOLD_FAILED: &str = "payments.DepositHoldFailed";
    /// [`super::DepositReleased`].
    pub const DEPOSIT_RELEASED: &str = "payments.DepositReleased";
    /// [`super::DepositCaptured`].
    pub const DEPOSIT_CAPTURED: &str = "payments.DepositCaptured";
    /// [`super::DamagePhotoAdded`].
    pub const DAMAGE_PHOTO_ADDED: &str = "payments.DamagePhotoAdded";
    /// Every payment event.
    pub const ALL: [&str; 8] = [
        SUCCEEDED,
        FAILED,
        REFUNDED,
        AUTHORIZED,
        HOLD_FAILED,
        DEPOSIT_RELEASED,
        DEPOSIT_CAPTURED,
        DAMAGE_PHOTO_ADDED,
    ];
}
