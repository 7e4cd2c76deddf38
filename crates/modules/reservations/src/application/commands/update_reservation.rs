//! `UpdateReservationCommand`: change the dates, occupants, guest details or notes of an
//! active reservation before check-in, with optimistic concurrency. New dates or
//! occupants are re-quoted, and new dates re-held, in the transaction of the change: a
//! move into taken dates fails and leaves the reservation as it was.

use chrono::NaiveDate;
use sejour_core::{
    AppError, Ctx, authz::require_user, check_rule, cqrs::Command, input::FieldErrors,
    value_objects::ReservationPeriod,
};
use uuid::Uuid;

use super::super::{Reservations, dates_taken, ensure_version, input};
use crate::domain::{ReservationChanges, rules::ChangesOnlyBeforeCheckIn};

/// The changes; `None` leaves a part as it is.
#[derive(Debug, Clone, Default)]
pub struct UpdateReservationCommand {
    /// Which reservation.
    pub reservation_id: Uuid,
    /// New arrival.
    pub check_in: Option<NaiveDate>,
    /// New departure.
    pub check_out: Option<NaiveDate>,
    /// New number of adults.
    pub adults: Option<u32>,
    /// New children's ages (all of them).
    pub children_ages: Option<Vec<u8>>,
    /// Changes to the contact.
    pub guest: Option<input::GuestPatch>,
    /// New notes (`Some(None)` clears them).
    pub notes: Option<Option<String>>,
    /// Staff only: a total set by hand (re-pricing otherwise drops an earlier one).
    pub manual_total: Option<i64>,
    /// The version the caller read (`If-Match`); 412 if it changed since.
    pub expected_version: Option<i32>,
}

impl Command for UpdateReservationCommand {
    type Output = ();
}

/// `UpdateReservationHandler`: applies `command`, publishing `reservations.ReservationUpdated` naming what changed.
///
/// The guest who booked, or staff; 404 for anyone else; 412 on a stale version; 409
/// `reservation.invalid_transition` on a cancelled or completed reservation, or
/// `reservation.period_unavailable` for taken dates; 422 `reservation.stay_started` from
/// the day of arrival, listing invalid fields, or with the quote's code.
#[doc(alias = "UpdateReservationHandler")]
pub async fn update_reservation(
    svc: &Reservations,
    ctx: &Ctx,
    command: UpdateReservationCommand,
) -> Result<(), AppError> {
    let (_, role) = require_user(&ctx.actor)?;
    if command.manual_total.is_some() && !role.is_staff() {
        return Err(AppError::forbidden());
    }
    let mut tx = svc.uow.begin().await?;
    let record = svc.lock(&mut tx, command.reservation_id).await?;
    let mut reservation = record.reservation;
    svc.require_full(&ctx.actor, &reservation).await?;
    ensure_version(&reservation, command.expected_version)?;
    let current = reservation.snapshot().clone();

    let mut errors = FieldErrors::default();
    let period = errors.check(
        "checkOut",
        ReservationPeriod::new(
            command.check_in.unwrap_or(current.period.check_in()),
            command.check_out.unwrap_or(current.period.check_out()),
        ),
        |e| e.code(),
    );
    let occupants = input::occupants(
        &mut errors,
        command.adults.unwrap_or(current.guests.occupants.adults()),
        command
            .children_ages
            .as_deref()
            .unwrap_or(current.guests.occupants.children_ages()),
    );
    let contact = match &command.guest {
        Some(patch) => input::patched(&mut errors, &current.guests.contact, patch),
        None => Some(current.guests.contact.clone()),
    };
    let notes = match &command.notes {
        Some(Some(raw)) => input::notes(&mut errors, raw),
        Some(None) => Some(None),
        None => Some(current.notes.clone()),
    };
    errors.finish()?;
    let (Some(period), Some(occupants), Some(contact), Some(notes)) =
        (period, occupants, contact, notes)
    else {
        return Err(AppError::internal("parsed reservation changes missing"));
    };

    let moved = period != current.period;
    let reprice = moved || occupants != current.guests.occupants || command.manual_total.is_some();
    let today = svc.clock.today();
    let mut quote_json = record.quote;
    let mut changes = ReservationChanges {
        period: Some(period),
        occupants: Some(occupants.clone()),
        contact: Some(contact),
        notes: Some(notes),
        price: None,
    };
    if reprice {
        // The rules of a change come first: no quote for a stay that has begun.
        check_rule(ChangesOnlyBeforeCheckIn {
            status: current.status,
            check_in: current.period.check_in(),
            today,
        })?;
        let (price, shown) = svc
            .price(
                current.property_id,
                period,
                &occupants,
                command.manual_total,
            )
            .await?;
        changes.price = Some(price);
        quote_json = shown;
    }
    reservation.change(changes, today, svc.clock.now())?;
    if moved {
        svc.catalog.release(&mut tx, reservation.id()).await?;
        svc.catalog
            .hold(
                &mut tx,
                current.property_id,
                period.as_date_range(),
                reservation.id(),
            )
            .await
            .map_err(dates_taken)?;
    }
    svc.reservations
        .save(&mut tx, ctx, &mut reservation, &quote_json)
        .await?;
    svc.uow.commit(tx).await?;
    Ok(())
}
