//! The reservations context's published interface for the payments context: what a
//! reservation asks to be paid, for whoever may see it in full. Wired by the composition
//! root; callers depend on this trait, never on our tables.

use async_trait::async_trait;
use chrono::NaiveDate;
use sejour_core::{
    Actor, AppError, Ctx,
    value_objects::{Installment, Money},
};
use uuid::Uuid;

use super::{Reservations, access::View, queries::get_reservation::get_reservation};
use crate::domain::ReservationStatus;

/// A reservation as payments sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayableReservation {
    /// Id.
    pub id: Uuid,
    /// The property.
    pub property_id: Uuid,
    /// The guest's account, if any.
    pub customer_id: Option<Uuid>,
    /// Whether it is pending or confirmed (the only ones paid).
    pub active: bool,
    /// Its status's name.
    pub status: &'static str,
    /// Arrival.
    pub check_in: NaiveDate,
    /// Departure.
    pub check_out: NaiveDate,
    /// The frozen schedule, in order.
    pub installments: Vec<Installment>,
    /// What the guest pays in all.
    pub total: Money,
    /// Of which the accommodation.
    pub rent: Money,
    /// Of which the cleaning and extra-guest fees.
    pub fees: Money,
    /// Of which the tourist tax.
    pub tourist_tax: Money,
    /// Held on the guest's card around the stay, not charged.
    pub security_deposit: Money,
    /// Who booked: first name, for a letter.
    pub guest_first_name: String,
    /// Who booked: full name, for an invoice.
    pub guest_name: String,
    /// Who booked: postal address on one line, for an invoice.
    pub guest_address: String,
    /// Who booked: email, for a letter.
    pub guest_email: String,
}

/// Reservations, for the payments context.
#[async_trait]
pub trait ReservationBook: Send + Sync + 'static {
    /// The reservation `id` when `ctx`'s actor sees it in full (its guest, staff, the
    /// system); 404 otherwise, as for the reservation itself.
    async fn payable(&self, ctx: &Ctx, id: Uuid) -> Result<PayableReservation, AppError>;

    /// Confirmed bookings not begun nor fully paid whose balance falls due by `today`,
    /// soonest arrival first, at most `limit`.
    async fn balances_due(&self, today: NaiveDate, limit: i64) -> Result<Vec<Uuid>, AppError>;

    /// Confirmed bookings with a security deposit arriving from `from` to `to`
    /// (inclusive), soonest first, at most `limit`.
    async fn arriving(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        limit: i64,
    ) -> Result<Vec<Uuid>, AppError>;
}

#[async_trait]
impl ReservationBook for Reservations {
    async fn payable(&self, ctx: &Ctx, id: Uuid) -> Result<PayableReservation, AppError> {
        let record = if matches!(ctx.actor, Actor::System { .. }) {
            self.find(id).await?
        } else {
            let (record, view) = get_reservation(self, ctx, id).await?;
            if view != View::Full {
                return Err(AppError::not_found("reservation"));
            }
            record
        };
        let s = record.reservation.snapshot();
        Ok(PayableReservation {
            id: s.id,
            property_id: s.property_id,
            customer_id: s.customer_id,
            active: matches!(
                s.status,
                ReservationStatus::Pending | ReservationStatus::Confirmed
            ),
            status: s.status.as_str(),
            check_in: s.period.check_in(),
            check_out: s.period.check_out(),
            installments: s.price.installments.clone(),
            total: s.price.total,
            rent: s.price.rent,
            fees: s.price.fees,
            tourist_tax: s.price.tourist_tax,
            security_deposit: s.price.security_deposit,
            guest_first_name: s.guests.contact.first_name.as_str().to_owned(),
            guest_name: format!(
                "{} {}",
                s.guests.contact.first_name.as_str(),
                s.guests.contact.last_name.as_str()
            ),
            guest_address: s.guests.contact.address.to_string(),
            guest_email: s.guests.contact.email.as_str().to_owned(),
        })
    }

    async fn balances_due(&self, today: NaiveDate, limit: i64) -> Result<Vec<Uuid>, AppError> {
        self.reservations.balances_due(today, limit).await
    }

    async fn arriving(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        limit: i64,
    ) -> Result<Vec<Uuid>, AppError> {
        self.reservations.arriving(from, to, limit).await
    }
}
