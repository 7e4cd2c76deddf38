//! The availability calendar in PostgreSQL. `OccupationsNeverOverlap` is the exclusion
//! constraint `occupations_never_overlap`; a violation (SQLSTATE 23P01) becomes 409
//! `calendar.period_unavailable`, whatever the concurrency.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::NaiveDate;
use sejour_core::{AppError, Clock, ErrorKind, Tx, value_objects::DateRange};
use sejour_infrastructure::{
    db::{StorageResult, on_constraint},
    store::pg,
};
use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::{
    calendar::{Occupation, OccupationKind},
    repositories::CalendarRepository,
};

/// The stable code of a refused overlap.
pub const PERIOD_UNAVAILABLE: &str = "calendar.period_unavailable";

/// 409: the dates overlap another occupation.
pub fn period_unavailable() -> AppError {
    AppError::new(
        ErrorKind::Conflict,
        PERIOD_UNAVAILABLE,
        "These dates are not available.",
    )
}

/// `OccupationsNeverOverlap` as the domain's 409, any other failure as a storage error.
fn map_overlap(e: sqlx::Error) -> AppError {
    on_constraint(e, &[("occupations_never_overlap", period_unavailable)])
}

const RETURNED: &str = "id, property_id, lower(dates) AS start_date, upper(dates) AS end_date, kind, reference, feed_id, note";

/// The calendar over the `properties.occupations` table.
#[derive(Clone)]
pub struct PgCalendarRepository {
    pool: PgPool,
    clock: Arc<dyn Clock>,
}

impl PgCalendarRepository {
    /// The calendar on `pool`; `clock` stamps new occupations.
    pub fn new(pool: PgPool, clock: Arc<dyn Clock>) -> Self {
        Self { pool, clock }
    }
}

#[async_trait]
impl CalendarRepository for PgCalendarRepository {
    async fn occupy(&self, tx: &mut Tx, occupation: &Occupation) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO properties.occupations (id, property_id, dates, kind, reference, feed_id, note, created_at) \
             VALUES ($1, $2, daterange($3, $4, '[)'), $5, $6, $7, $8, $9)",
        )
        .bind(occupation.id)
        .bind(occupation.property_id)
        .bind(occupation.dates.start())
        .bind(occupation.dates.end())
        .bind(occupation.kind.as_str())
        .bind(&occupation.reference)
        .bind(occupation.feed_id)
        .bind(&occupation.note)
        .bind(self.clock.now())
        .execute(pg(tx)?)
        .await
        .map_err(map_overlap)?;
        Ok(())
    }

    async fn release(
        &self,
        tx: &mut Tx,
        property_id: Uuid,
        id: Uuid,
    ) -> Result<Option<Occupation>, AppError> {
        let row: Option<OccupationRow> = sqlx::query_as(&format!(
            "DELETE FROM properties.occupations WHERE id = $1 AND property_id = $2 RETURNING {RETURNED}"
        ))
        .bind(id)
        .bind(property_id)
        .fetch_optional(pg(tx)?)
        .await
        .storage()?;
        row.map(OccupationRow::into_domain).transpose()
    }

    async fn release_reservation(
        &self,
        tx: &mut Tx,
        reservation_id: Uuid,
    ) -> Result<bool, AppError> {
        let done = sqlx::query(
            "DELETE FROM properties.occupations WHERE kind = 'reservation' AND reference = $1",
        )
        .bind(reservation_id.to_string())
        .execute(pg(tx)?)
        .await
        .storage()?;
        Ok(done.rows_affected() > 0)
    }

    async fn find(
        &self,
        tx: &mut Tx,
        property_id: Uuid,
        id: Uuid,
    ) -> Result<Option<Occupation>, AppError> {
        let row: Option<OccupationRow> = sqlx::query_as(&format!(
            "SELECT {RETURNED} FROM properties.occupations WHERE property_id = $1 AND id = $2"
        ))
        .bind(property_id)
        .bind(id)
        .fetch_optional(pg(tx)?)
        .await
        .storage()?;
        row.map(OccupationRow::into_domain).transpose()
    }

    async fn list(
        &self,
        property_ids: &[Uuid],
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Occupation>, AppError> {
        let rows: Vec<OccupationRow> = sqlx::query_as(&format!(
            "SELECT {RETURNED} FROM properties.occupations \
              WHERE property_id = ANY($1) AND dates && daterange($2, $3, '[)') \
              ORDER BY property_id, lower(dates)"
        ))
        .bind(property_ids)
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await
        .storage()?;
        rows.into_iter().map(OccupationRow::into_domain).collect()
    }

    async fn is_free(&self, property_id: Uuid, dates: &DateRange) -> Result<bool, AppError> {
        sqlx::query_scalar(
            "SELECT NOT EXISTS (SELECT 1 FROM properties.occupations \
              WHERE property_id = $1 AND dates && daterange($2, $3, '[)'))",
        )
        .bind(property_id)
        .bind(dates.start())
        .bind(dates.end())
        .fetch_one(&self.pool)
        .await
        .storage()
    }
}

#[derive(sqlx::FromRow)]
struct OccupationRow {
    id: Uuid,
    property_id: Uuid,
    start_date: NaiveDate,
    end_date: NaiveDate,
    kind: String,
    reference: Option<String>,
    feed_id: Option<Uuid>,
    note: Option<String>,
}

impl OccupationRow {
    fn into_domain(self) -> Result<Occupation, AppError> {
        Ok(Occupation {
            id: self.id,
            property_id: self.property_id,
            dates: DateRange::new(self.start_date, self.end_date).map_err(AppError::internal)?,
            kind: OccupationKind::parse(&self.kind)
                .ok_or_else(|| AppError::internal("unknown occupation kind"))?,
            reference: self.reference,
            feed_id: self.feed_id,
            note: self.note,
        })
    }
}
