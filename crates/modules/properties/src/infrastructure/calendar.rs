//! The availability calendar in PostgreSQL. `OccupationsNeverOverlap` is the exclusion
//! constraint `occupations_never_overlap`; a violation (SQLSTATE 23P01) becomes 409
//! `calendar.period_unavailable`, whatever the concurrency.

use chrono::{DateTime, NaiveDate, Utc};
use sejour_core::{AppError, ErrorKind, value_objects::DateRange};
use sejour_infrastructure::db::storage_error;
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use crate::domain::calendar::{Occupation, OccupationKind};

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

fn map_overlap(e: sqlx::Error) -> AppError {
    if let sqlx::Error::Database(db) = &e
        && db.constraint() == Some("occupations_never_overlap")
    {
        return period_unavailable();
    }
    storage_error(e)
}

/// Takes `occupation.dates` on the calendar, inside the caller's transaction.
pub async fn occupy(
    conn: &mut PgConnection,
    occupation: &Occupation,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
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
    .bind(now)
    .execute(conn)
    .await
    .map_err(map_overlap)?;
    Ok(())
}

/// Moves an occupation to new dates (409 if they are taken).
pub async fn move_to(
    conn: &mut PgConnection,
    id: Uuid,
    dates: &DateRange,
) -> Result<bool, AppError> {
    let moved = sqlx::query(
        "UPDATE properties.occupations SET dates = daterange($2, $3, '[)') WHERE id = $1",
    )
    .bind(id)
    .bind(dates.start())
    .bind(dates.end())
    .execute(conn)
    .await
    .map_err(map_overlap)?;
    Ok(moved.rows_affected() == 1)
}

/// Frees an occupation; returns what it was.
pub async fn release(
    conn: &mut PgConnection,
    property_id: Uuid,
    id: Uuid,
) -> Result<Option<Occupation>, AppError> {
    let row: Option<OccupationRow> = sqlx::query_as(
        "DELETE FROM properties.occupations WHERE id = $1 AND property_id = $2 \
         RETURNING id, property_id, lower(dates) AS start_date, upper(dates) AS end_date, kind, reference, feed_id, note",
    )
    .bind(id)
    .bind(property_id)
    .fetch_optional(conn)
    .await
    .map_err(storage_error)?;
    row.map(OccupationRow::into_domain).transpose()
}

/// Frees the occupation of a reservation (by reference); returns whether there was one.
pub async fn release_reservation(
    conn: &mut PgConnection,
    reservation_id: Uuid,
) -> Result<bool, AppError> {
    let done = sqlx::query(
        "DELETE FROM properties.occupations WHERE kind = 'reservation' AND reference = $1",
    )
    .bind(reservation_id.to_string())
    .execute(conn)
    .await
    .map_err(storage_error)?;
    Ok(done.rows_affected() > 0)
}

/// The occupations of a property overlapping `[from, to)`, in date order.
pub async fn list(
    db: impl PgExecutor<'_>,
    property_id: Uuid,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Occupation>, AppError> {
    let rows: Vec<OccupationRow> = sqlx::query_as(
        "SELECT id, property_id, lower(dates) AS start_date, upper(dates) AS end_date, kind, reference, feed_id, note \
           FROM properties.occupations \
          WHERE property_id = $1 AND dates && daterange($2, $3, '[)') ORDER BY lower(dates)",
    )
    .bind(property_id)
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await
    .map_err(storage_error)?;
    rows.into_iter().map(OccupationRow::into_domain).collect()
}

/// Whether `dates` are free on the property's calendar.
pub async fn is_free(
    db: impl PgExecutor<'_>,
    property_id: Uuid,
    dates: &DateRange,
) -> Result<bool, AppError> {
    sqlx::query_scalar(
        "SELECT NOT EXISTS (SELECT 1 FROM properties.occupations \
          WHERE property_id = $1 AND dates && daterange($2, $3, '[)'))",
    )
    .bind(property_id)
    .bind(dates.start())
    .bind(dates.end())
    .fetch_one(db)
    .await
    .map_err(storage_error)
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

/// One occupation of a property.
pub async fn list_one(
    db: impl PgExecutor<'_>,
    property_id: Uuid,
    id: Uuid,
) -> Result<Option<Occupation>, AppError> {
    let row: Option<OccupationRow> = sqlx::query_as(
        "SELECT id, property_id, lower(dates) AS start_date, upper(dates) AS end_date, kind, reference, feed_id, note \
           FROM properties.occupations WHERE property_id = $1 AND id = $2",
    )
    .bind(property_id)
    .bind(id)
    .fetch_optional(db)
    .await
    .map_err(storage_error)?;
    row.map(OccupationRow::into_domain).transpose()
}
