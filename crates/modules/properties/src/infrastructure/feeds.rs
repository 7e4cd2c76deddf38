//! Imported calendar feeds and their health.

use chrono::{DateTime, NaiveDate, Utc};
use sejour_core::{AppError, value_objects::DateRange};
use sejour_infrastructure::db::storage_error;
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

/// A registered feed with its last sync's outcome.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Feed {
    /// Id.
    pub id: Uuid,
    /// The property it blocks.
    pub property_id: Uuid,
    /// A label (e.g. "Airbnb").
    pub name: String,
    /// The export URL on the other platform.
    pub url: String,
    /// When a sync was last tried.
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// When a sync last succeeded.
    pub last_success_at: Option<DateTime<Utc>>,
    /// The last failure, if the last attempt failed.
    pub last_error: Option<String>,
    /// Events not written at the last success because they conflicted.
    pub last_conflicts: i32,
    /// When it was registered.
    pub created_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, property_id, name, url, last_attempt_at, last_success_at, last_error, last_conflicts, created_at";

/// Registers a feed; 409 `ical.feed_exists` when the property already has this URL.
pub async fn add(conn: &mut PgConnection, feed: &Feed) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO properties.ical_feeds (id, property_id, name, url, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(feed.id)
    .bind(feed.property_id)
    .bind(&feed.name)
    .bind(&feed.url)
    .bind(feed.created_at)
    .execute(conn)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            AppError::conflict("ical.feed_exists", "This calendar is already imported for the property.")
        }
        _ => storage_error(e),
    })?;
    Ok(())
}

/// Removes a feed and, by cascade, its blocks; returns whether it existed.
pub async fn remove(
    conn: &mut PgConnection,
    property_id: Uuid,
    id: Uuid,
) -> Result<bool, AppError> {
    let done = sqlx::query("DELETE FROM properties.ical_feeds WHERE id = $1 AND property_id = $2")
        .bind(id)
        .bind(property_id)
        .execute(conn)
        .await
        .map_err(storage_error)?;
    Ok(done.rows_affected() == 1)
}

/// One feed.
pub async fn get(db: impl PgExecutor<'_>, id: Uuid) -> Result<Option<Feed>, AppError> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM properties.ical_feeds WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(db)
    .await
    .map_err(storage_error)
}

/// A property's feeds.
pub async fn list(db: impl PgExecutor<'_>, property_id: Uuid) -> Result<Vec<Feed>, AppError> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM properties.ical_feeds WHERE property_id = $1 ORDER BY created_at"
    ))
    .bind(property_id)
    .fetch_all(db)
    .await
    .map_err(storage_error)
}

/// Every feed's id, for the scheduled sync.
pub async fn all_ids(db: impl PgExecutor<'_>) -> Result<Vec<Uuid>, AppError> {
    sqlx::query_scalar("SELECT id FROM properties.ical_feeds ORDER BY id")
        .fetch_all(db)
        .await
        .map_err(storage_error)
}

/// Records a successful sync.
pub async fn record_success(
    conn: &mut PgConnection,
    id: Uuid,
    now: DateTime<Utc>,
    conflicts: usize,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE properties.ical_feeds SET last_attempt_at = $2, last_success_at = $2, last_error = NULL, \
         last_conflicts = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .bind(i32::try_from(conflicts).unwrap_or(i32::MAX))
    .execute(conn)
    .await
    .map_err(storage_error)?;
    Ok(())
}

/// Records a failed sync; the feed's blocks stay as they were.
pub async fn record_failure(
    db: impl PgExecutor<'_>,
    id: Uuid,
    now: DateTime<Utc>,
    error: &str,
) -> Result<(), AppError> {
    let mut error = error.to_owned();
    error.truncate(500);
    sqlx::query(
        "UPDATE properties.ical_feeds SET last_attempt_at = $2, last_error = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .bind(error)
    .execute(db)
    .await
    .map_err(storage_error)?;
    Ok(())
}

/// This feed's blocks: `(occupation id, event UID, dates)`.
pub async fn blocks(
    conn: &mut PgConnection,
    feed_id: Uuid,
) -> Result<Vec<(Uuid, String, DateRange)>, AppError> {
    let rows: Vec<(Uuid, Option<String>, NaiveDate, NaiveDate)> = sqlx::query_as(
        "SELECT id, reference, lower(dates), upper(dates) FROM properties.occupations WHERE feed_id = $1",
    )
    .bind(feed_id)
    .fetch_all(conn)
    .await
    .map_err(storage_error)?;
    rows.into_iter()
        .map(|(id, uid, start, end)| {
            Ok((
                id,
                uid.unwrap_or_default(),
                DateRange::new(start, end).map_err(AppError::internal)?,
            ))
        })
        .collect()
}

/// The property's other occupations (reservations, stays, maintenance, other feeds).
pub async fn other_occupations(
    conn: &mut PgConnection,
    property_id: Uuid,
    feed_id: Uuid,
) -> Result<Vec<DateRange>, AppError> {
    let rows: Vec<(NaiveDate, NaiveDate)> = sqlx::query_as(
        "SELECT lower(dates), upper(dates) FROM properties.occupations \
          WHERE property_id = $1 AND feed_id IS DISTINCT FROM $2",
    )
    .bind(property_id)
    .bind(feed_id)
    .fetch_all(conn)
    .await
    .map_err(storage_error)?;
    rows.into_iter()
        .map(|(start, end)| DateRange::new(start, end).map_err(AppError::internal))
        .collect()
}
