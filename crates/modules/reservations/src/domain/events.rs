//! The facts a [`super::Reservation`] publishes on the outbox, in the transaction of the
//! change. Each variant carries its payload, a struct of the
//! [published language](crate::published_language): the variant only says which event it
//! is (the envelope's `type`), the payload is the JSON object.

use sejour_core::DomainEvent;
use serde::Serialize;

pub use crate::published_language::{
    ReservationCancelled, ReservationCompleted, ReservationConfirmed, ReservationCreated,
    ReservationField, ReservationPaymentReceived, ReservationRefunded, ReservationUpdated,
    event_types as types,
};

/// Something that happened to a reservation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ReservationEvent {
    /// `reservations.ReservationCreated`.
    ReservationCreated(ReservationCreated),
    /// `reservations.ReservationUpdated`.
    ReservationUpdated(ReservationUpdated),
    /// `reservations.ReservationConfirmed`.
    ReservationConfirmed(ReservationConfirmed),
    /// `reservations.ReservationCancelled`.
    ReservationCancelled(ReservationCancelled),
    /// `reservations.ReservationCompleted`.
    ReservationCompleted(ReservationCompleted),
    /// `reservations.ReservationPaymentReceived`.
    ReservationPaymentReceived(ReservationPaymentReceived),
    /// `reservations.ReservationRefunded`.
    ReservationRefunded(ReservationRefunded),
}

impl DomainEvent for ReservationEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::ReservationCreated(_) => types::CREATED,
            Self::ReservationUpdated(_) => types::UPDATED,
            Self::ReservationConfirmed(_) => types::CONFIRMED,
            Self::ReservationCancelled(_) => types::CANCELLED,
            Self::ReservationCompleted(_) => types::COMPLETED,
            Self::ReservationPaymentReceived(_) => types::PAYMENT_RECEIVED,
            Self::ReservationRefunded(_) => types::REFUNDED,
        }
    }

    fn aggregate_type(&self) -> &'static str {
        "reservation"
    }

    fn aggregate_id(&self) -> String {
        match self {
            Self::ReservationCreated(e) => e.reservation_id,
            Self::ReservationUpdated(e) => e.reservation_id,
            Self::ReservationConfirmed(e) => e.reservation_id,
            Self::ReservationCancelled(e) => e.reservation_id,
            Self::ReservationCompleted(e) => e.reservation_id,
            Self::ReservationPaymentReceived(e) => e.reservation_id,
            Self::ReservationRefunded(e) => e.reservation_id,
        }
        .to_string()
    }
}
