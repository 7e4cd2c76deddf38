//! The facts a [`super::Reservation`] publishes on the outbox, in the transaction of the
//! change. Payloads are camelCase JSON objects (the envelope's `type` says which event it
//! is). They carry ids, dates, amounts and statuses, never the guest's contact details:
//! the audit log is append-only, and a consumer that needs the contact (notifications,
//! CRM) asks this context for it.

use chrono::NaiveDate;
use sejour_core::{DomainEvent, value_objects::Money};
use serde::Serialize;
use uuid::Uuid;

/// A part of a reservation named in `reservations.ReservationUpdated` when it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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

/// Something that happened to a reservation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged, rename_all_fields = "camelCase")]
pub enum ReservationEvent {
    /// `reservations.ReservationCreated`: the dates are held, the booking is pending.
    ReservationCreated {
        /// The reservation.
        reservation_id: Uuid,
        /// The property.
        property_id: Uuid,
        /// The guest's user account, if any.
        customer_id: Option<Uuid>,
        /// Arrival.
        check_in: NaiveDate,
        /// Departure.
        check_out: NaiveDate,
        /// Adults and children.
        guests: u32,
        /// What the guest pays.
        total: Money,
        /// Whether a manager set the total by hand (then `quotedTotal` is the quote's).
        price_set_by_hand: bool,
        /// The quote's total.
        quoted_total: Money,
    },
    /// `reservations.ReservationUpdated`: dates, occupants, guest or notes changed.
    ReservationUpdated {
        /// The reservation.
        reservation_id: Uuid,
        /// What changed, in a stable order.
        fields: Vec<ReservationField>,
        /// Arrival (after the change).
        check_in: NaiveDate,
        /// Departure (after the change).
        check_out: NaiveDate,
        /// The total (after the change).
        total: Money,
        /// Whether the total is now set by hand.
        price_set_by_hand: bool,
    },
    /// `reservations.ReservationConfirmed`.
    ReservationConfirmed {
        /// The reservation.
        reservation_id: Uuid,
        /// The property.
        property_id: Uuid,
        /// Arrival.
        check_in: NaiveDate,
        /// Departure.
        check_out: NaiveDate,
    },
    /// `reservations.ReservationCancelled`: the dates are free again.
    ReservationCancelled {
        /// The reservation.
        reservation_id: Uuid,
        /// The property.
        property_id: Uuid,
        /// Why (`expired` for a lapsed hold).
        reason: String,
        /// Who (the actor's label: `user:<id>`, `system:reservations.expire_holds`).
        cancelled_by: String,
        /// What the payments context must refund.
        refund_due: Money,
    },
    /// `reservations.ReservationCompleted`: the stay is over.
    ReservationCompleted {
        /// The reservation.
        reservation_id: Uuid,
        /// The property.
        property_id: Uuid,
        /// Departure.
        check_out: NaiveDate,
    },
}

/// The events' type names, for subscribers.
pub mod types {
    /// [`super::ReservationEvent::ReservationCreated`].
    pub const CREATED: &str = "reservations.ReservationCreated";
    /// [`super::ReservationEvent::ReservationUpdated`].
    pub const UPDATED: &str = "reservations.ReservationUpdated";
    /// [`super::ReservationEvent::ReservationConfirmed`].
    pub const CONFIRMED: &str = "reservations.ReservationConfirmed";
    /// [`super::ReservationEvent::ReservationCancelled`].
    pub const CANCELLED: &str = "reservations.ReservationCancelled";
    /// [`super::ReservationEvent::ReservationCompleted`].
    pub const COMPLETED: &str = "reservations.ReservationCompleted";
    /// All of them.
    pub const ALL: [&str; 5] = [CREATED, UPDATED, CONFIRMED, CANCELLED, COMPLETED];
}

impl DomainEvent for ReservationEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::ReservationCreated { .. } => types::CREATED,
            Self::ReservationUpdated { .. } => types::UPDATED,
            Self::ReservationConfirmed { .. } => types::CONFIRMED,
            Self::ReservationCancelled { .. } => types::CANCELLED,
            Self::ReservationCompleted { .. } => types::COMPLETED,
        }
    }

    fn aggregate_type(&self) -> &'static str {
        "reservation"
    }

    fn aggregate_id(&self) -> String {
        match self {
            Self::ReservationCreated { reservation_id, .. }
            | Self::ReservationUpdated { reservation_id, .. }
            | Self::ReservationConfirmed { reservation_id, .. }
            | Self::ReservationCancelled { reservation_id, .. }
            | Self::ReservationCompleted { reservation_id, .. } => reservation_id.to_string(),
        }
    }
}
