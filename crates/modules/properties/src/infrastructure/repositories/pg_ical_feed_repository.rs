//! Imported calendar feeds and their health, in `properties.ical_feeds`.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sejour_core::{AppError, Tx, value_objects::DateRange};
use sejour_infrastructure::{
    db::{StorageResult, on_constraint},
    store::pg,
};
use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::{
    calendar::{Feed, FeedBlock},
    repositories::IcalFeedRepository,
};

const COLUMNS: &str = "id, property_id, name, url, last_attempt_at, last_success_at, last_error, last_conflicts, created_at";

/// A feed row as stored.
#[derive(sqlx::FromRow)]
struct FeedRow {
    id: Uuid,
    property_id: Uuid,
    name: String,
    url: String,
    last_attempt_at: Option<DateTime<Utc>>,
    last_success_at: Option<DateTime<Utc>>,
    last_error: Option<String>,
    last_conflicts: i32,
    created_at: DateTime<Utc>,
}

impl From<FeedRow> for Feed {
    fn from(row: FeedRow) -> Self {
        Feed {
            id: row.id,
            property_id: row.property_id,
            name: row.name,
            url: row.url,
            last_attempt_at: row.last_attempt_at,
            last_success_at: row.last_success_at,
            last_error: row.last_error,
            last_conflicts: row.last_conflicts,
            created_at: row.created_at,
        }
    }
}

/// 409: the property already imports this calendar.
fn feed_exists() -> AppError {
    AppError::conflict(
        "ical.feed_exists",
        "This calendar is already imported for the property.",
    )
}

/// The feeds over PostgreSQL.
#[derive(Clone)]
pub struct PgIcalFeedRepository {
    pool: PgPool,
}

impl PgIcalFeedRepository {
    /// The feeds on `pool`.
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

#[async_trait]
impl IcalFeedRepository for PgIcalFeedRepository {
    async fn add(&self, tx: &mut Tx, feed: &Feed) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO properties.ical_feeds (id, property_id, name, url, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(feed.id)
        .bind(feed.property_id)
        .bind(&feed.name)
        .bind(&feed.url)
        .bind(feed.created_at)
        .execute(pg(tx)?)
        .await
        .map_err(|e| on_constraint(e, &[("ical_feeds_property_id_url_key", feed_exists)]))?;
        Ok(())
    }

    async fn remove(&self, tx: &mut Tx, property_id: Uuid, id: Uuid) -> Result<bool, AppError> {
        let done =
            sqlx::query("DELETE FROM properties.ical_feeds WHERE id = $1 AND property_id = $2")
                .bind(id)
                .bind(property_id)
                .execute(pg(tx)?)
                .await
                .storage()?;
        Ok(done.rows_affected() == 1)
    }

    async fn find_by_id(&self, id: Uuid) -> Result<Option<Feed>, AppError> {
        let row: Option<FeedRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM properties.ical_feeds WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .storage()?;
        Ok(row.map(Feed::from))
    }

    async fn list(&self, property_id: Uuid) -> Result<Vec<Feed>, AppError> {
        let rows: Vec<FeedRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM properties.ical_feeds WHERE property_id = $1 ORDER BY created_at"
        ))
        .bind(property_id)
        .fetch_all(&self.pool)
        .await
        .storage()?;
        Ok(rows.into_iter().map(Feed::from).collect())
    }

    async fn all_ids(&self) -> Result<Vec<Uuid>, AppError> {
        sqlx::query_scalar("SELECT id FROM properties.ical_feeds ORDER BY id")
            .fetch_all(&self.pool)
            .await
            .storage()
    }

    async fn record_success(
        &self,
        tx: &mut Tx,
        id: Uuid,
        at: DateTime<Utc>,
        conflicts: usize,
    ) -> Result<(), AppError> {
        sqlx::query(
            "UPDATE properties.ical_feeds SET last_attempt_at = $2, last_success_at = $2, last_error = NULL, \
             last_conflicts = $3 WHERE id = $1",
        )
        .bind(id)
        .bind(at)
        .bind(i32::try_from(conflicts).unwrap_or(i32::MAX))
        .execute(pg(tx)?)
        .await
        .storage()?;
        Ok(())
    }

    async fn record_failure(
        &self,
        id: Uuid,
        at: DateTime<Utc>,
        error: &str,
    ) -> Result<(), AppError> {
        let mut error = error.to_owned();
        error.truncate(500);
        sqlx::query(
            "UPDATE properties.ical_feeds SET last_attempt_at = $2, last_error = $3 WHERE id = $1",
        )
        .bind(id)
        .bind(at)
        .bind(error)
        .execute(&self.pool)
        .await
        .storage()?;
        Ok(())
    }

    async fn blocks(&self, tx: &mut Tx, feed_id: Uuid) -> Result<Vec<FeedBlock>, AppError> {
        let rows: Vec<(Uuid, Option<String>, NaiveDate, NaiveDate)> = sqlx::query_as(
            "SELECT id, reference, lower(dates), upper(dates) FROM properties.occupations WHERE feed_id = $1",
        )
        .bind(feed_id)
        .fetch_all(pg(tx)?)
        .await
        .storage()?;
        rows.into_iter()
            .map(|(occupation_id, uid, start, end)| {
                Ok(FeedBlock {
                    occupation_id,
                    uid: uid.unwrap_or_default(),
                    dates: DateRange::new(start, end).map_err(AppError::internal)?,
                })
            })
            .collect()
    }

    async fn other_occupations(
        &self,
        tx: &mut Tx,
        property_id: Uuid,
        feed_id: Uuid,
    ) -> Result<Vec<DateRange>, AppError> {
        let rows: Vec<(NaiveDate, NaiveDate)> = sqlx::query_as(
            "SELECT lower(dates), upper(dates) FROM properties.occupations \
              WHERE property_id = $1 AND feed_id IS DISTINCT FROM $2",
        )
        .bind(property_id)
        .bind(feed_id)
        .fetch_all(pg(tx)?)
        .await
        .storage()?;
        rows.into_iter()
            .map(|(start, end)| DateRange::new(start, end).map_err(AppError::internal))
            .collect()
    }
}
