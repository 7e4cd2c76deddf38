//! The `Reservation` aggregate: a guest's booking of a property for a stay, with its
//! guests, frozen price, status and history. Every change goes through a method that
//! checks the [rules](super::rules) and records the [event](super::events) to publish.

use chrono::{DateTime, NaiveDate, Utc};
use sejour_core::{
    Aggregate, Changes, check_rule,
    value_objects::{Money, ReservationPeriod},
};
use uuid::Uuid;

use super::{
    errors::ReservationError,
    events::{
        ReservationCancelled, ReservationCompleted, ReservationConfirmed, ReservationCreated,
        ReservationEvent, ReservationField, ReservationPaymentReceived, ReservationRefunded,
        ReservationUpdated,
    },
    guests::{CancelReason, GuestContact, Guests, Notes, Occupants},
    price::{MoneyMovement, PriceBreakdown},
    reservation_status::ReservationStatus,
    rules::{
        ChangesOnlyBeforeCheckIn, CompletedAfterCheckOut, OnlyActiveCanBeCancelled,
        OnlyPendingCanBeConfirmed, UnconfirmedHoldsExpire,
    },
    services::ReservationDomainService,
};

/// Who cancelled, when, why, and what is to be refunded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cancellation {
    /// When.
    pub at: DateTime<Utc>,
    /// Who (the actor's label).
    pub by: String,
    /// Why.
    pub reason: CancelReason,
    /// What the payments context must refund (the policy applied to what was paid).
    pub refund_due: Money,
}

/// The rental contract of the booking, filled by the contracts context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractRef {
    /// The contract.
    pub id: Uuid,
    /// Its status there (`sent`, `signed`, `refused`...).
    pub status: String,
}

/// Everything a reservation is made of, to store it and to load it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReservationSnapshot {
    /// Identity.
    pub id: Uuid,
    /// The property booked.
    pub property_id: Uuid,
    /// The guest's user account, when booked by or for one.
    pub customer_id: Option<Uuid>,
    /// The stay.
    pub period: ReservationPeriod,
    /// Who books, who stays.
    pub guests: Guests,
    /// Notes.
    pub notes: Option<Notes>,
    /// The frozen price.
    pub price: PriceBreakdown,
    /// Where it stands.
    pub status: ReservationStatus,
    /// When a pending booking lapses.
    pub hold_expires_at: DateTime<Utc>,
    /// When it was confirmed.
    pub confirmed_at: Option<DateTime<Utc>>,
    /// When the stay was marked completed.
    pub completed_at: Option<DateTime<Utc>>,
    /// The cancellation, if cancelled.
    pub cancellation: Option<Cancellation>,
    /// The contract, once the contracts context made one.
    pub contract: Option<ContractRef>,
    /// What the guest has paid so far (the payments context's summary).
    pub amount_paid: Money,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
    /// Optimistic-concurrency version, 1 at creation.
    pub version: i32,
}

/// What a new booking is made of.
#[derive(Debug, Clone)]
pub struct NewReservation {
    /// Identity.
    pub id: Uuid,
    /// The property.
    pub property_id: Uuid,
    /// The guest's user account, if any.
    pub customer_id: Option<Uuid>,
    /// The stay.
    pub period: ReservationPeriod,
    /// Who books, who stays.
    pub guests: Guests,
    /// Notes.
    pub notes: Option<Notes>,
    /// The price quoted (possibly set by hand).
    pub price: PriceBreakdown,
    /// When the pending hold lapses.
    pub hold_expires_at: DateTime<Utc>,
}

/// Changes to an active reservation; `None` leaves a part as it is. When the dates or
/// the occupants change, the caller re-prices the stay and gives the new `price`.
#[derive(Debug, Clone, Default)]
pub struct ReservationChanges {
    /// New dates.
    pub period: Option<ReservationPeriod>,
    /// New occupants.
    pub occupants: Option<Occupants>,
    /// New contact.
    pub contact: Option<GuestContact>,
    /// New notes (`Some(None)` clears them).
    pub notes: Option<Option<Notes>>,
    /// The new price.
    pub price: Option<PriceBreakdown>,
}

/// A reservation.
#[derive(Debug, Clone)]
pub struct Reservation {
    state: ReservationSnapshot,
    changes: Changes<ReservationEvent>,
}

impl Reservation {
    /// A new pending booking holding its dates (`reservations.ReservationCreated`).
    pub fn book(new: NewReservation, now: DateTime<Utc>) -> Self {
        let state = ReservationSnapshot {
            id: new.id,
            property_id: new.property_id,
            customer_id: new.customer_id,
            period: new.period,
            amount_paid: Money::zero(new.price.currency),
            guests: new.guests,
            notes: new.notes,
            price: new.price,
            status: ReservationStatus::Pending,
            hold_expires_at: new.hold_expires_at,
            confirmed_at: None,
            completed_at: None,
            cancellation: None,
            contract: None,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let event = ReservationEvent::ReservationCreated(ReservationCreated {
            reservation_id: state.id,
            property_id: state.property_id,
            customer_id: state.customer_id,
            check_in: state.period.check_in(),
            check_out: state.period.check_out(),
            guests: state.guests.occupants.count(),
            total: state.price.total,
            price_set_by_hand: state.price.set_by_hand,
            quoted_total: state.price.quoted_total,
        });
        Self {
            state,
            changes: Changes::created(event),
        }
    }

    /// A stored reservation, as loaded.
    pub fn restore(state: ReservationSnapshot) -> Self {
        Self {
            changes: Changes::restored(state.version),
            state,
        }
    }

    /// Everything, read-only.
    pub fn snapshot(&self) -> &ReservationSnapshot {
        &self.state
    }

    /// Identity.
    pub fn id(&self) -> Uuid {
        self.state.id
    }

    /// The property.
    pub fn property_id(&self) -> Uuid {
        self.state.property_id
    }

    /// The guest's account.
    pub fn customer_id(&self) -> Option<Uuid> {
        self.state.customer_id
    }

    /// The stay.
    pub fn period(&self) -> ReservationPeriod {
        self.state.period
    }

    /// The status.
    pub fn status(&self) -> ReservationStatus {
        self.state.status
    }

    /// The current version (the ETag).
    pub fn version(&self) -> i32 {
        self.state.version
    }

    /// The version in the database when loaded (`None` for a new one).
    pub fn stored_version(&self) -> Option<i32> {
        self.changes.stored_version()
    }

    /// The events recorded since the last save, to publish; from then on the
    /// reservation is as stored.
    pub fn take_events(&mut self) -> Vec<ReservationEvent> {
        self.changes.take(self.state.version)
    }

    /// The events recorded since the last save, oldest first.
    pub fn pending_events(&self) -> &[ReservationEvent] {
        self.changes.pending()
    }

    /// Whether anything changed since loading.
    pub fn has_changes(&self) -> bool {
        self.changes.has_changes()
    }

    /// Records `event` at `now`: the first change since the last save bumps the version.
    fn record(&mut self, now: DateTime<Utc>, event: ReservationEvent) {
        self.state.updated_at = now;
        self.changes.record(&mut self.state.version, event);
    }

    /// Applies `changes` (rule `ChangesOnlyBeforeCheckIn`), recording
    /// `reservations.ReservationUpdated` with the parts that really changed; nothing is
    /// recorded when nothing did.
    pub fn change(
        &mut self,
        changes: ReservationChanges,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), ReservationError> {
        check_rule(ChangesOnlyBeforeCheckIn {
            status: self.state.status,
            check_in: self.state.period.check_in(),
            today,
        })?;
        let mut fields = Vec::new();
        let s = &mut self.state;
        if let Some(period) = changes.period.filter(|p| *p != s.period) {
            s.period = period;
            fields.push(ReservationField::Dates);
        }
        if let Some(occupants) = changes.occupants.filter(|o| *o != s.guests.occupants) {
            s.guests.occupants = occupants;
            fields.push(ReservationField::Occupants);
        }
        if let Some(contact) = changes.contact.filter(|c| *c != s.guests.contact) {
            s.guests.contact = contact;
            fields.push(ReservationField::Guest);
        }
        if let Some(notes) = changes.notes.filter(|n| *n != s.notes) {
            s.notes = notes;
            fields.push(ReservationField::Notes);
        }
        if let Some(price) = changes.price.filter(|p| *p != s.price) {
            s.price = price;
            fields.push(ReservationField::Price);
        }
        if fields.is_empty() {
            return Ok(());
        }
        let s = &self.state;
        let event = ReservationEvent::ReservationUpdated(ReservationUpdated {
            reservation_id: s.id,
            fields,
            check_in: s.period.check_in(),
            check_out: s.period.check_out(),
            total: s.price.total,
            price_set_by_hand: s.price.set_by_hand,
        });
        self.record(now, event);
        Ok(())
    }

    /// Confirms a pending booking (rule `OnlyPendingCanBeConfirmed`).
    pub fn confirm(&mut self, now: DateTime<Utc>) -> Result<(), ReservationError> {
        check_rule(OnlyPendingCanBeConfirmed {
            status: self.state.status,
        })?;
        self.state.status = ReservationStatus::Confirmed;
        self.state.confirmed_at = Some(now);
        let s = &self.state;
        let event = ReservationEvent::ReservationConfirmed(ReservationConfirmed {
            reservation_id: s.id,
            property_id: s.property_id,
            check_in: s.period.check_in(),
            check_out: s.period.check_out(),
        });
        self.record(now, event);
        Ok(())
    }

    /// What cancelling on `today` would refund under the frozen cancellation policy, for
    /// an active booking (rule `OnlyActiveCanBeCancelled`); nothing changes.
    pub fn refund_if_cancelled(&self, today: NaiveDate) -> Result<Money, ReservationError> {
        check_rule(OnlyActiveCanBeCancelled {
            status: self.state.status,
        })?;
        ReservationDomainService::refund_due(
            &self.state.price,
            self.state.amount_paid,
            today,
            self.state.period.check_in(),
        )
    }

    /// Cancels an active booking (rule `OnlyActiveCanBeCancelled`), computing the refund
    /// due under the frozen cancellation policy. The caller frees the dates in the same
    /// transaction.
    pub fn cancel(
        &mut self,
        by: String,
        reason: CancelReason,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), ReservationError> {
        let refund = self.refund_if_cancelled(today)?;
        self.state.status = ReservationStatus::Cancelled;
        self.state.cancellation = Some(Cancellation {
            at: now,
            by: by.clone(),
            reason: reason.clone(),
            refund_due: refund,
        });
        let event = ReservationEvent::ReservationCancelled(ReservationCancelled {
            reservation_id: self.state.id,
            property_id: self.state.property_id,
            reason: reason.as_str().to_owned(),
            cancelled_by: by,
            refund_due: refund,
        });
        self.record(now, event);
        Ok(())
    }

    /// Cancels a pending booking whose hold lapsed (rule `UnconfirmedHoldsExpire`), with
    /// the reason `expired`.
    pub fn expire(&mut self, by: String, now: DateTime<Utc>) -> Result<(), ReservationError> {
        check_rule(UnconfirmedHoldsExpire {
            status: self.state.status,
            hold_expires_at: self.state.hold_expires_at,
            now,
        })?;
        self.cancel(by, CancelReason::expired(), now.date_naive(), now)
    }

    /// Records money the payments context moved for the booking. A payment grows
    /// `amount_paid`, and a pending booking whose first installment is now covered is
    /// confirmed (`PaidDepositConfirms`); a refund lowers it. A cancelled booking keeps
    /// the record (its refund is due).
    pub fn record_money(
        &mut self,
        movement: MoneyMovement,
        now: DateTime<Utc>,
    ) -> Result<(), ReservationError> {
        let s = &mut self.state;
        let event = match movement {
            MoneyMovement::Received { payment_id, amount } => {
                s.amount_paid = s.amount_paid.checked_add(amount)?;
                ReservationEvent::ReservationPaymentReceived(ReservationPaymentReceived {
                    reservation_id: s.id,
                    payment_id,
                    amount,
                    amount_paid: s.amount_paid,
                })
            }
            MoneyMovement::Refunded { refund_id, amount } => {
                s.amount_paid = s.amount_paid.checked_sub(amount)?;
                ReservationEvent::ReservationRefunded(ReservationRefunded {
                    reservation_id: s.id,
                    refund_id,
                    amount,
                    amount_paid: s.amount_paid,
                })
            }
        };
        self.record(now, event);
        let deposit = self.state.price.installments.first().map(|i| i.amount);
        if matches!(movement, MoneyMovement::Received { .. })
            && self.state.status == ReservationStatus::Pending
            && deposit.is_none_or(|d| self.state.amount_paid.amount_minor() >= d.amount_minor())
        {
            self.confirm(now)?;
        }
        Ok(())
    }

    /// Marks a confirmed stay completed (rule `CompletedAfterCheckOut`).
    pub fn complete(
        &mut self,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), ReservationError> {
        check_rule(CompletedAfterCheckOut {
            status: self.state.status,
            check_out: self.state.period.check_out(),
            today,
        })?;
        self.state.status = ReservationStatus::Completed;
        self.state.completed_at = Some(now);
        let s = &self.state;
        let event = ReservationEvent::ReservationCompleted(ReservationCompleted {
            reservation_id: s.id,
            property_id: s.property_id,
            check_out: s.period.check_out(),
        });
        self.record(now, event);
        Ok(())
    }
}

impl Aggregate for Reservation {
    type Event = ReservationEvent;

    fn id(&self) -> Uuid {
        self.state.id
    }

    fn version(&self) -> i32 {
        self.state.version
    }

    fn stored_version(&self) -> Option<i32> {
        self.changes.stored_version()
    }

    fn take_events(&mut self) -> Vec<ReservationEvent> {
        Reservation::take_events(self)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use sejour_core::{
        DomainEvent,
        value_objects::{CountryCode, Currency, Email, PersonName, PhoneNumber, PostalAddress},
    };

    use super::*;
    use crate::domain::price::tests::week;

    fn at(day: u32) -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(2027, 6, day)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
            .and_utc()
    }

    fn july(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 7, d).unwrap()
    }

    fn contact() -> GuestContact {
        GuestContact {
            first_name: PersonName::parse("Zoé").unwrap(),
            last_name: PersonName::parse("Martin").unwrap(),
            email: Email::parse("zoe@example.com").unwrap(),
            phone: PhoneNumber::parse("+33612345678").unwrap(),
            address: PostalAddress::new("1 rue X", None, "75001", "Paris", None, CountryCode::FR)
                .unwrap(),
        }
    }

    fn booked() -> Reservation {
        Reservation::book(
            NewReservation {
                id: Uuid::now_v7(),
                property_id: Uuid::now_v7(),
                customer_id: None,
                period: ReservationPeriod::new(july(10), july(17)).unwrap(),
                guests: Guests {
                    contact: contact(),
                    occupants: Occupants::new(2, vec![7]).unwrap(),
                },
                notes: None,
                price: week(),
                hold_expires_at: at(2),
            },
            at(1),
        )
    }

    #[test]
    fn given_a_booking_then_it_is_pending_at_version_1_with_a_created_event() {
        let mut r = booked();
        assert_eq!(r.status(), ReservationStatus::Pending);
        assert_eq!(r.version(), 1);
        let events = r.take_events();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].event_type(), "reservations.ReservationCreated");
    }

    #[test]
    fn given_a_pending_booking_when_confirmed_then_cancelled_then_the_refund_is_recorded() {
        let mut r = booked();
        // Each step is saved before the next (the repository takes the events).
        r.take_events();
        r.confirm(at(3)).unwrap();
        assert_eq!(r.status(), ReservationStatus::Confirmed);
        assert!(r.confirm(at(3)).unwrap_err().is_conflict());
        r.take_events();
        r.cancel(
            "user:x".into(),
            CancelReason::parse("plans").unwrap(),
            at(4).date_naive(),
            at(4),
        )
        .unwrap();
        let c = r.snapshot().cancellation.clone().unwrap();
        assert_eq!(c.refund_due, Money::zero(Currency::EUR));
        assert_eq!(r.version(), 3);
        assert!(
            r.cancel("user:x".into(), CancelReason::expired(), july(1), at(5))
                .is_err()
        );
    }

    #[test]
    fn given_changes_when_nothing_differs_then_no_event() {
        let mut r = booked();
        r.take_events();
        let same = ReservationChanges {
            period: Some(r.period()),
            contact: Some(contact()),
            ..ReservationChanges::default()
        };
        r.change(same, july(1), at(3)).unwrap();
        assert!(!r.has_changes());
        assert_eq!(r.version(), 1);
    }

    #[test]
    fn given_new_dates_when_changed_then_updated_names_the_dates() {
        let mut r = booked();
        r.take_events();
        let changes = ReservationChanges {
            period: Some(ReservationPeriod::new(july(11), july(18)).unwrap()),
            ..ReservationChanges::default()
        };
        r.change(changes, july(1), at(3)).unwrap();
        let events = r.take_events();
        assert!(matches!(
            &events[0],
            ReservationEvent::ReservationUpdated(u) if u.fields == [ReservationField::Dates]
        ));
        // On the day of arrival, nothing can change any more.
        let late = ReservationChanges {
            notes: Some(None),
            ..ReservationChanges::default()
        };
        assert!(matches!(
            r.change(late, july(11), at(3)),
            Err(ReservationError::StayStarted { .. })
        ));
    }

    #[test]
    fn given_a_lapsed_hold_when_expired_then_cancelled_with_reason_expired() {
        let mut r = booked();
        assert_eq!(
            r.expire("system:x".into(), at(1)),
            Err(ReservationError::HoldNotExpired)
        );
        r.expire("system:x".into(), at(2)).unwrap();
        assert_eq!(r.status(), ReservationStatus::Cancelled);
        assert_eq!(
            r.snapshot().cancellation.as_ref().unwrap().reason.as_str(),
            "expired"
        );
    }

    #[test]
    fn given_a_confirmed_stay_when_over_then_completed() {
        let mut r = booked();
        r.confirm(at(3)).unwrap();
        assert!(r.complete(july(16), at(3)).is_err());
        r.complete(july(17), at(3)).unwrap();
        assert_eq!(r.status(), ReservationStatus::Completed);
    }
}
