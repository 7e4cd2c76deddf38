//! Photo records; the bytes live in object storage under `properties/<id>/photos/`.

use chrono::{DateTime, Utc};
use sejour_core::AppError;
use sejour_infrastructure::db::storage_error;
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

/// A stored photo.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PhotoRecord {
    /// Id.
    pub id: Uuid,
    /// The property.
    pub property_id: Uuid,
    /// Position, 0 first.
    pub position: i32,
    /// Caption.
    pub caption: String,
    /// Object key of the original (metadata stripped).
    pub original_key: String,
    /// Object key of the resized variant.
    pub resized_key: String,
    /// Content type of the original.
    pub content_type: String,
    /// Original width.
    pub width: i32,
    /// Original height.
    pub height: i32,
    /// Resized width.
    pub resized_width: i32,
    /// Resized height.
    pub resized_height: i32,
    /// Size of the original in bytes.
    pub bytes: i64,
    /// When it was added.
    pub created_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, property_id, position, caption, original_key, resized_key, content_type, \
    width, height, resized_width, resized_height, bytes, created_at";

/// The object key of a photo's variant.
pub fn key(property_id: Uuid, photo_id: Uuid, variant: &str, extension: &str) -> String {
    format!("properties/{property_id}/photos/{photo_id}/{variant}.{extension}")
}

/// Adds a photo at the end of the gallery.
pub async fn insert(conn: &mut PgConnection, photo: &PhotoRecord) -> Result<i32, AppError> {
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
    .map_err(storage_error)
}

/// A property's photos, in order.
pub async fn list(
    db: impl PgExecutor<'_>,
    property_id: Uuid,
) -> Result<Vec<PhotoRecord>, AppError> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM properties.photos WHERE property_id = $1 ORDER BY position, id"
    ))
    .bind(property_id)
    .fetch_all(db)
    .await
    .map_err(storage_error)
}

/// One photo of a property.
pub async fn get(
    db: impl PgExecutor<'_>,
    property_id: Uuid,
    id: Uuid,
) -> Result<Option<PhotoRecord>, AppError> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM properties.photos WHERE property_id = $1 AND id = $2"
    ))
    .bind(property_id)
    .bind(id)
    .fetch_optional(db)
    .await
    .map_err(storage_error)
}

/// Deletes a photo record and closes the gap in positions.
pub async fn delete(
    conn: &mut PgConnection,
    property_id: Uuid,
    id: Uuid,
) -> Result<Option<PhotoRecord>, AppError> {
    let removed: Option<PhotoRecord> = sqlx::query_as(&format!(
        "DELETE FROM properties.photos WHERE property_id = $1 AND id = $2 RETURNING {COLUMNS}"
    ))
    .bind(property_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await
    .map_err(storage_error)?;
    if let Some(photo) = &removed {
        sqlx::query("UPDATE properties.photos SET position = position - 1 WHERE property_id = $1 AND position > $2")
            .bind(property_id)
            .bind(photo.position)
            .execute(conn)
            .await
            .map_err(storage_error)?;
    }
    Ok(removed)
}

/// Changes a photo's caption and/or moves it to `position` (others shift).
pub async fn update(
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
            .map_err(storage_error)?;
    }
    if let Some(target) = position {
        let count: i64 =
            sqlx::query_scalar("SELECT count(*) FROM properties.photos WHERE property_id = $1")
                .bind(property_id)
                .fetch_one(&mut *conn)
                .await
                .map_err(storage_error)?;
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
            .map_err(storage_error)?;
            sqlx::query(
                "UPDATE properties.photos SET position = $3 WHERE property_id = $1 AND id = $2",
            )
            .bind(property_id)
            .bind(id)
            .bind(target)
            .execute(&mut *conn)
            .await
            .map_err(storage_error)?;
        }
    }
    Ok(true)
}
