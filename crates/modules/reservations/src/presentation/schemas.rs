//! The OpenAPI shapes of the reservations' closed lists (the domain stays free of utoipa).
#![allow(
    dead_code,
    reason = "schema mirrors: read by the OpenAPI derive, never built"
)]

use sejour_infrastructure::http::dto::MoneySchema;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// Where a reservation is in its life.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[schema(as = ReservationStatus)]
pub enum ReservationStatusSchema {
    /// Booked, awaiting confirmation.
    Pending,
    /// Confirmed by staff.
    Confirmed,
    /// The stay is over.
    Completed,
    /// Cancelled (by the guest, staff or the system).
    Cancelled,
}

/// A part of a reservation named in `reservations.ReservationUpdated`.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
#[schema(as = ReservationField)]
pub enum ReservationFieldSchema {
    /// `checkIn` / `checkOut`.
    Dates,
    /// `adults` / `children`.
    Occupants,
    /// `guest`.
    Guest,
    /// `notes`.
    Notes,
    /// The price.
    Price,
}

/// The payload of `reservations.ReservationCreated`.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReservationCreatedPayload {
    /// The reservation.
    pub reservation_id: Uuid,
    /// The property.
    pub property_id: Uuid,
    /// The guest's user account, if any.
    pub customer_id: Option<Uuid>,
    /// Arrival.
    #[schema(format = Date)]
    pub check_in: String,
    /// Departure.
    #[schema(format = Date)]
    pub check_out: String,
    /// Adults and children.
    pub guests: u32,
    /// What the guest pays.
    pub total: MoneySchema,
    /// Whether a manager set the total by hand.
    pub price_set_by_hand: bool,
    /// The quote's total.
    pub quoted_total: MoneySchema,
}

/// The payload of `reservations.ReservationUpdated`.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReservationUpdatedPayload {
    /// The reservation.
    pub reservation_id: Uuid,
    /// What changed.
    #[schema(value_type = Vec<ReservationFieldSchema>)]
    pub fields: Vec<String>,
    /// Arrival (after the change).
    #[schema(format = Date)]
    pub check_in: String,
    /// Departure (after the change).
    #[schema(format = Date)]
    pub check_out: String,
    /// The total (after the change).
    pub total: MoneySchema,
    /// Whether the total is now set by hand.
    pub price_set_by_hand: bool,
}

/// The payload of `reservations.ReservationConfirmed`.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReservationConfirmedPayload {
    /// The reservation.
    pub reservation_id: Uuid,
    /// The property.
    pub property_id: Uuid,
    /// Arrival.
    #[schema(format = Date)]
    pub check_in: String,
    /// Departure.
    #[schema(format = Date)]
    pub check_out: String,
}

/// The payload of `reservations.ReservationCancelled`.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReservationCancelledPayload {
    /// The reservation.
    pub reservation_id: Uuid,
    /// The property.
    pub property_id: Uuid,
    /// Why (`expired` for a lapsed hold).
    pub reason: String,
    /// Who (`user:<id>`, `system:<job>`).
    pub cancelled_by: String,
    /// What the payments context must refund.
    pub refund_due: MoneySchema,
}

/// The payload of `reservations.ReservationCompleted`.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReservationCompletedPayload {
    /// The reservation.
    pub reservation_id: Uuid,
    /// The property.
    pub property_id: Uuid,
    /// Departure.
    #[schema(format = Date)]
    pub check_out: String,
}

/// The payload of `reservations.ReservationPaymentReceived`.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReservationPaymentReceivedPayload {
    /// The reservation.
    pub reservation_id: Uuid,
    /// The payment.
    pub payment_id: Uuid,
    /// This payment.
    pub amount: MoneySchema,
    /// Paid so far, this payment included.
    pub amount_paid: MoneySchema,
}

/// The payload of `reservations.ReservationRefunded`.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReservationRefundedPayload {
    /// The reservation.
    pub reservation_id: Uuid,
    /// The refund.
    pub refund_id: Uuid,
    /// This refund.
    pub amount: MoneySchema,
    /// Paid so far, net of this refund.
    pub amount_paid: MoneySchema,
}

/// The payload of a timeline event: one of the reservation events (the event's `type`
/// says which).
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum ReservationEventData {
    /// `reservations.ReservationCreated`.
    Created(ReservationCreatedPayload),
    /// `reservations.ReservationUpdated`.
    Updated(ReservationUpdatedPayload),
    /// `reservations.ReservationConfirmed`.
    Confirmed(ReservationConfirmedPayload),
    /// `reservations.ReservationCancelled`.
    Cancelled(ReservationCancelledPayload),
    /// `reservations.ReservationCompleted`.
    Completed(ReservationCompletedPayload),
    /// `reservations.ReservationPaymentReceived`.
    PaymentReceived(ReservationPaymentReceivedPayload),
    /// `reservations.ReservationRefunded`.
    Refunded(ReservationRefundedPayload),
}

/// The type of a timeline event.
#[derive(Serialize, ToSchema)]
pub enum ReservationEventType {
    /// Created.
    #[serde(rename = "reservations.ReservationCreated")]
    Created,
    /// Updated.
    #[serde(rename = "reservations.ReservationUpdated")]
    Updated,
    /// Confirmed.
    #[serde(rename = "reservations.ReservationConfirmed")]
    Confirmed,
    /// Cancelled.
    #[serde(rename = "reservations.ReservationCancelled")]
    Cancelled,
    /// Completed.
    #[serde(rename = "reservations.ReservationCompleted")]
    Completed,
    /// A payment received.
    #[serde(rename = "reservations.ReservationPaymentReceived")]
    PaymentReceived,
    /// A refund sent.
    #[serde(rename = "reservations.ReservationRefunded")]
    Refunded,
}
