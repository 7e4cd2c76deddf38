//! What other contexts may use of reservations: the payloads of the events published on
//! the outbox (camelCase JSON objects; the envelope's `type` says which event it is) and
//! their type names. They carry ids, dates, amounts and statuses, never the guest's
//! contact details: the audit log is append-only, and a consumer that needs the contact
//! (notifications, CRM) asks this context for it.
//!
//! Pure: std, core, serde, chrono, uuid.

use chrono::NaiveDate;
use sejour_core::value_objects::Money;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A part of a reservation named in [`ReservationUpdated`] when it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReservationField {
    /// `checkIn` / `checkOut`.
    Dates,
    /// `adults` / `children`.
    Occupants,
    /// `guest`.
    Guest,
    /// `notes`.
    Notes,
    /// The price (re-priced, or set by hand).
    Price,
}

/// `reservations.ReservationCreated`: the dates are held, the booking is pending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReservationCreated {
    /// The reservation.
    pub reservation_id: Uuid,
    /// The property.
    pub property_id: Uuid,
    /// The guest's user account, if any.
    pub customer_id: Option<Uuid>,
    /// Arrival.
    pub check_in: NaiveDate,
    /// Departure.
    pub check_out: NaiveDate,
    /// Adults and children.
    pub guests: u32,
    /// What the guest pays.
    pub total: Money,
    /// Whether a manager set the total by hand (then `quotedTotal` is the quote's).
    pub price_set_by_hand: bool,
    /// The quote's total.
    pub quoted_total: Money,
}

/// `reservations.ReservationUpdated`: dates, occupants, guest, notes or price changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReservationUpdated {
    /// The reservation.
    pub reservation_id: Uuid,
    /// What changed, in a stable order.
    pub fields: Vec<ReservationField>,
    /// Arrival (after the change).
    pub check_in: NaiveDate,
    /// Departure (after the change).
    pub check_out: NaiveDate,
    /// The total (after the change).
    pub total: Money,
    /// Whether the total is now set by hand.
    pub price_set_by_hand: bool,
}

/// `reservations.ReservationConfirmed`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReservationConfirmed {
    /// The reservation.
    pub reservation_id: Uuid,
    /// The property.
    pub property_id: Uuid,
    /// Arrival.
    pub check_in: NaiveDate,
    /// Departure.
    pub check_out: NaiveDate,
}

/// `reservations.ReservationCancelled`: the dates are free again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReservationCancelled {
    /// The reservation.
    pub reservation_id: Uuid,
    /// The property.
    pub property_id: Uuid,
    /// Why (`expired` for a lapsed hold).
    pub reason: String,
    /// Who (the actor's label: `user:<id>`, `system:reservations.expire_holds`).
    pub cancelled_by: String,
    /// What the payments context must refund.
    pub refund_due: Money,
}

/// `reservations.ReservationCompleted`: the stay is over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReservationCompleted {
    /// The reservation.
    pub reservation_id: Uuid,
    /// The property.
    pub property_id: Uuid,
    /// Departure.
    pub check_out: NaiveDate,
}

/// `reservations.ReservationPaymentReceived`: the payments context took money for the
/// booking (a deposit, a balance); `amountPaid` is what the guest has paid in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReservationPaymentReceived {
    /// The reservation.
    pub reservation_id: Uuid,
    /// The payments context's payment.
    pub payment_id: Uuid,
    /// This payment.
    pub amount: Money,
    /// Paid so far, this payment included.
    pub amount_paid: Money,
}

/// `reservations.ReservationRefunded`: the payments context sent money back (a
/// cancellation's refund); `amountPaid` is what the guest has paid in all, net.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReservationRefunded {
    /// The reservation.
    pub reservation_id: Uuid,
    /// The payments context's refund.
    pub refund_id: Uuid,
    /// This refund.
    pub amount: Money,
    /// Paid so far, net of this refund.
    pub amount_paid: Money,
}

/// The events' type names, for subscribers.
pub mod event_types {
    /// [`super::ReservationCreated`].
    pub const CREATED: &str = "reservations.ReservationCreated";
    /// [`super::ReservationUpdated`].
    pub const UPDATED: &str = "reservations.ReservationUpdated";
    /// [`super::ReservationConfirmed`].
    pub const CONFIRMED: &str = "reservations.ReservationConfirmed";
    /// [`super::ReservationCancelled`].
    pub const CANCELLED: &str = "reservations.ReservationCancelled";
    /// [`super::ReservationCompleted`].
    pub const COMPLETED: &str = "reservations.ReservationCompleted";
    /// [`super::ReservationPaymentReceived`].
    pub const PAYMENT_RECEIVED: &str = "reservations.ReservationPaymentReceived";
    /// [`super::ReservationRefunded`].
    pub const REFUNDED: &str = "reservations.ReservationRefunded";
    /// All of them.
    pub const ALL: [&str; 7] = [
        CREATED,
        UPDATED,
        CONFIRMED,
        CANCELLED,
        COMPLETED,
        PAYMENT_RECEIVED,
        REFUNDED,
    ];
}
