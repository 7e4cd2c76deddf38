//! A property's photos: records of the files kept in object storage under
//! `properties/<id>/photos/`.

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// A stored photo.
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// The object key of a photo's variant.
pub fn key(property_id: Uuid, photo_id: Uuid, variant: &str, extension: &str) -> String {
    format!("properties/{property_id}/photos/{photo_id}/{variant}.{extension}")
}
