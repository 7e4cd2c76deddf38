//! `CalendarRepository`: the availability calendar shared with reservations.
//! `OccupationsNeverOverlap` is the store's to enforce: taking dates that overlap an
//! occupation fails with 409 `calendar.period_unavailable`, whatever the concurrency.

use async_trait::async_trait;
use chrono::NaiveDate;
use sejour_core::{AppError, Tx, value_objects::DateRange};
use uuid::Uuid;

use crate::domain::calendar::Occupation;

/// The occupations of the properties.
#[async_trait]
pub trait CalendarRepository: Send + Sync + 'static {
    /// Takes `occupation.dates`; 409 `calendar.period_unavailable` when they overlap
    /// another occupation of the property.
    async fn occupy(&self, tx: &mut Tx, occupation: &Occupation) -> Result<(), AppError>;

    /// Frees an occupation; what it was.
    async fn release(
        &self,
        tx: &mut Tx,
        property_id: Uuid,
        id: Uuid,
    ) -> Result<Option<Occupation>, AppError>;

    /// Frees the occupation of a reservation; whether there was one.
    async fn release_reservation(
        &self,
        tx: &mut Tx,
        reservation_id: Uuid,
    ) -> Result<bool, AppError>;

    /// One occupation of a property, read in `tx`.
    async fn find(
        &self,
        tx: &mut Tx,
        property_id: Uuid,
        id: Uuid,
    ) -> Result<Option<Occupation>, AppError>;

    /// The occupations of the properties overlapping `[from, to)`, by property, then in
    /// date order.
    async fn list(
        &self,
        property_ids: &[Uuid],
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Occupation>, AppError>;

    /// Whether no occupation of the property overlaps `dates`.
    async fn is_free(&self, property_id: Uuid, dates: &DateRange) -> Result<bool, AppError>;
}
