//! The properties context's gateways to the outside: photo files (checked, re-encoded,
//! stored) and the channels' calendar feeds. Declared here, implemented in
//! `infrastructure`.

use async_trait::async_trait;
use sejour_core::AppError;

use super::calendar::FeedEvent;

/// One encoded variant of a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoFile {
    /// The encoded bytes, without metadata.
    pub bytes: Vec<u8>,
    /// Its content type (`image/jpeg`...).
    pub content_type: &'static str,
    /// Its file extension (`jpg`...).
    pub extension: &'static str,
    /// Width, pixels.
    pub width: u32,
    /// Height, pixels.
    pub height: u32,
}

/// An uploaded photo made safe to publish: the original re-encoded and a resized variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedPhoto {
    /// The original, re-encoded without metadata (no EXIF GPS).
    pub original: PhotoFile,
    /// The gallery's variant.
    pub resized: PhotoFile,
}

/// Photo files: checking and re-encoding an upload, keeping and forgetting the bytes.
#[async_trait]
pub trait PhotoFiles: Send + Sync {
    /// Checks an upload by its content (JPEG, PNG or WebP, at most `max_bytes`) and
    /// re-encodes it; 413/415/422 otherwise.
    async fn prepare(&self, bytes: Vec<u8>, max_bytes: usize) -> Result<PreparedPhoto, AppError>;

    /// Stores the bytes under `key` (503 when the store is unreachable).
    async fn put(&self, key: &str, bytes: Vec<u8>, content_type: &str) -> Result<(), AppError>;

    /// Deletes the bytes under `key`.
    async fn delete(&self, key: &str) -> Result<(), AppError>;
}

/// The channels' calendar feeds (Airbnb, Booking.com...).
#[async_trait]
pub trait FeedSource: Send + Sync {
    /// The events of the feed at `url`; why it could not be read otherwise, as
    /// `code: message` (recorded on the feed).
    async fn events(&self, url: &str) -> Result<Vec<FeedEvent>, String>;
}
