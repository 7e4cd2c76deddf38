//! `ReservationRepository`: reservations as stored, with the quote they were priced from
//! and the events they published.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sejour_core::{AppError, Ctx, Tx};
use uuid::Uuid;

use crate::domain::{MoneyMovement, Reservation, ReservationEvent, ReservationStatus};

/// A stored reservation with the quote it was priced from, line by line, as shown. The
/// quote's shape is the catalogue's: the domain keeps it, never reads it.
#[derive(Debug, Clone)]
pub struct ReservationRecord<Q> {
    /// The aggregate.
    pub reservation: Reservation,
    /// The properties quote of the stay, frozen with the price.
    pub quote: Q,
}

/// Which reservations [`ReservationRepository::search`] returns; every present field
/// must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReservationFilter {
    /// Of one of these properties.
    pub property_ids: Option<Vec<Uuid>>,
    /// Booked by or for this user account.
    pub customer_id: Option<Uuid>,
    /// In this status.
    pub status: Option<ReservationStatus>,
    /// Staying on or after this day (check-out after it).
    pub from: Option<NaiveDate>,
    /// Arriving before this day.
    pub to: Option<NaiveDate>,
    /// A case-insensitive substring of the guest's names or email, taken literally.
    pub q: Option<String>,
    /// Created before this `(created_at, id)`: the keyset cursor.
    pub before: Option<(DateTime<Utc>, Uuid)>,
}

/// One event of a reservation's history, as the timeline recorded it.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    /// The event's id.
    pub event_id: Uuid,
    /// Its type (`reservations.ReservationCreated`...).
    pub event_type: String,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// Who caused it (`user:<id>`, `system:<job>`).
    pub actor: Option<String>,
    /// The event and its payload.
    pub event: ReservationEvent,
}

/// Stored reservations. Saving publishes the aggregate's recorded events in the same
/// transaction; updates are optimistic (412 `reservation.version_mismatch` when the
/// stored version moved on).
#[async_trait]
pub trait ReservationRepository: Send + Sync + 'static {
    /// The frozen quote, as the adapter stores it.
    type Quote: Clone + Send + Sync + 'static;

    /// The reservation with this id, if any.
    async fn find_by_id(
        &self,
        id: Uuid,
    ) -> Result<Option<ReservationRecord<Self::Quote>>, AppError>;

    /// The reservation with this id, locked in `tx` until it ends.
    async fn find_for_update(
        &self,
        tx: &mut Tx,
        id: Uuid,
    ) -> Result<Option<ReservationRecord<Self::Quote>>, AppError>;

    /// Notes in `tx` the money moved for the reservation; `false` when this payment or
    /// refund already was (the event redelivered).
    async fn note_money(
        &self,
        tx: &mut Tx,
        reservation_id: Uuid,
        movement: MoneyMovement,
        at: DateTime<Utc>,
    ) -> Result<bool, AppError>;

    /// Stores a new reservation with the quote it was priced from, and publishes its
    /// events, in `tx`.
    async fn insert(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        reservation: &mut Reservation,
        quote: &Self::Quote,
    ) -> Result<(), AppError>;

    /// Saves the changes of a stored reservation (and the quote, when re-priced) and
    /// publishes its events, in `tx`; nothing to do without changes.
    async fn update(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        reservation: &mut Reservation,
        quote: &Self::Quote,
    ) -> Result<(), AppError>;

    /// Inserts a new reservation or updates a stored one.
    async fn save(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        reservation: &mut Reservation,
        quote: &Self::Quote,
    ) -> Result<(), AppError> {
        if reservation.stored_version().is_some() {
            self.update(tx, ctx, reservation, quote).await
        } else {
            self.insert(tx, ctx, reservation, quote).await
        }
    }

    /// The reservations matching `filter`, newest first (by creation, then id), at most
    /// `limit`.
    async fn search(
        &self,
        filter: &ReservationFilter,
        limit: i64,
    ) -> Result<Vec<ReservationRecord<Self::Quote>>, AppError>;

    /// Pending reservations whose hold ended by `now`, oldest hold first, at most `limit`.
    async fn lapsed_holds(&self, now: DateTime<Utc>, limit: i64) -> Result<Vec<Uuid>, AppError>;

    /// Confirmed reservations whose departure day is `today` or before, at most `limit`.
    async fn finished_stays(&self, today: NaiveDate, limit: i64) -> Result<Vec<Uuid>, AppError>;

    /// Confirmed reservations not yet begun nor fully paid with an installment after the
    /// first falling due by `today`, soonest arrival first, at most `limit`.
    async fn balances_due(&self, today: NaiveDate, limit: i64) -> Result<Vec<Uuid>, AppError>;

    /// Confirmed reservations with a security deposit arriving from `from` to `to`
    /// (inclusive), soonest first, at most `limit`.
    async fn arriving(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        limit: i64,
    ) -> Result<Vec<Uuid>, AppError>;

    /// The recorded events of a reservation, oldest first.
    async fn timeline(&self, reservation_id: Uuid) -> Result<Vec<TimelineEntry>, AppError>;
}
