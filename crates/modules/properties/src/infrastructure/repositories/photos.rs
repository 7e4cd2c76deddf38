//! Photo records in `properties.photos`; the bytes live in object storage under
//! `properties/<id>/photos/`.

use chrono::{DateTime, Utc};
use sejour_core::AppError;
use sejour_infrastructure::db::StorageResult;
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use crate::domain::photo::PhotoRecord;

/// A photo row as stored.
#[derive(sqlx::FromRow)]
struct PhotoRow {
    id: Uuid,
    property_id: Uuid,
    position: i32,
    caption: String,
    original_key: String,
    resized_key: String,
    content_type: String,
    width: i32,
    height: i32,
    resized_width: i32,
    resized_height: i32,
    bytes: i64,
    created_at: DateTime<Utc>,
}

impl From<PhotoRow> for PhotoRecord {
    fn from(r: PhotoRow) -> Self {
        PhotoRecord {
            id: r.id,
            property_id: r.property_id,
            position: r.position,
            caption: r.caption,
            original_key: r.original_key,
            resized_key: r.resized_key,
            content_type: r.content_type,
            width: r.width,
            height: r.height,
            resized_width: r.resized_width,
            resized_height: r.resized_height,
            bytes: r.bytes,
            created_at: r.created_at,
        }
    }
}

const COLUMNS: &str = "id, property_id, position, caption, original_key, resized_key, content_type, \
    width, height, resized_width, resized_height, bytes, created_at";

/// Adds a photo at the end of the gallery.
pub(super) async fn insert(conn: &mut PgConnection, photo: &PhotoRecord) -> Result<i32, AppError> {
    sqlx::query_scalar(&format!(
        "INSERT INTO properties.photos ({COLUMNS}) \
         SELECT $1, $2, coalesce((SELECT max(position) + 1 FROM properties.photos WHERE property_id = $2), 0), \
                $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 RETURNING position"
    ))
    .bind(photo.id)
    .bind(photo.property_id)
    .bind(&photo.caption)
    .bind(&photo.original_key)
    .bind(&photo.resized_key)
    .bind(&photo.content_type)
    .bind(photo.width)
    .bind(photo.height)
    .bind(photo.resized_width)
    .bind(photo.resized_height)
    .bind(photo.bytes)
    .bind(photo.created_at)
    .fetch_one(conn)
    .await
    .storage()
}

/// A property's photos, in order.
pub(super) async fn list(
    db: impl PgExecutor<'_>,
    property_id: Uuid,
) -> Result<Vec<PhotoRecord>, AppError> {
    let rows: Vec<PhotoRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM properties.photos WHERE property_id = $1 ORDER BY position, id"
    ))
    .bind(property_id)
    .fetch_all(db)
    .await
    .storage()?;
    Ok(rows.into_iter().map(PhotoRecord::from).collect())
}

/// One photo of a property.
pub(super) async fn get(
    db: impl PgExecutor<'_>,
    property_id: Uuid,
    id: Uuid,
) -> Result<Option<PhotoRecord>, AppError> {
    let row: Option<PhotoRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM properties.photos WHERE property_id = $1 AND id = $2"
    ))
    .bind(property_id)
    .bind(id)
    .fetch_optional(db)
    .await
    .storage()?;
    Ok(row.map(PhotoRecord::from))
}

/// Deletes a photo record and closes the gap in positions.
pub(super) async fn delete(
    conn: &mut PgConnection,
    property_id: Uuid,
    id: Uuid,
) -> Result<Option<PhotoRecord>, AppError> {
    let removed: Option<PhotoRow> = sqlx::query_as(&format!(
        "DELETE FROM properties.photos WHERE property_id = $1 AND id = $2 RETURNING {COLUMNS}"
    ))
    .bind(property_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await
    .storage()?;
    if let Some(photo) = &removed {
        sqlx::query("UPDATE properties.photos SET position = position - 1 WHERE property_id = $1 AND position > $2")
            .bind(property_id)
            .bind(photo.position)
            .execute(conn)
            .await
            .storage()?;
    }
    Ok(removed.map(PhotoRecord::from))
}

/// Changes a photo's caption and/or moves it to `position` (others shift).
pub(super) async fn update(
    conn: &mut PgConnection,
    property_id: Uuid,
    id: Uuid,
    caption: Option<&str>,
    position: Option<i32>,
) -> Result<bool, AppError> {
    let Some(current) = get(&mut *conn, property_id, id).await? else {
        return Ok(false);
    };
    if let Some(caption) = caption {
        sqlx::query("UPDATE properties.photos SET caption = $3 WHERE property_id = $1 AND id = $2")
            .bind(property_id)
            .bind(id)
            .bind(caption)
            .execute(&mut *conn)
            .await
            .storage()?;
    }
    if let Some(target) = position {
        let count: i64 =
            sqlx::query_scalar("SELECT count(*) FROM properties.photos WHERE property_id = $1")
                .bind(property_id)
                .fetch_one(&mut *conn)
                .await
                .storage()?;
        let target = target.clamp(0, i32::try_from(count - 1).unwrap_or(0));
        let from = current.position;
        if target != from {
            let (lo, hi, shift) = if target < from {
                (target, from - 1, 1)
            } else {
                (from + 1, target, -1)
            };
            sqlx::query(
                "UPDATE properties.photos SET position = position + $4 \
                  WHERE property_id = $1 AND position BETWEEN $2 AND $3",
            )
            .bind(property_id)
            .bind(lo)
            .bind(hi)
            .bind(shift)
            .execute(&mut *conn)
            .await
            .storage()?;
            sqlx::query(
                "UPDATE properties.photos SET position = $3 WHERE property_id = $1 AND id = $2",
            )
            .bind(property_id)
            .bind(id)
            .bind(target)
            .execute(&mut *conn)
            .await
            .storage()?;
        }
    }
    Ok(true)
}
