//! Photo files on the shared object storage: [`PhotoFiles`] over [`ObjectStorage`], the
//! upload checked and re-encoded by the platform's image pipeline off the async runtime.

use async_trait::async_trait;
use sejour_core::AppError;
use sejour_infrastructure::{
    images::{EncodedPhoto, process_photo},
    storage::ObjectStorage,
};

use crate::domain::gateways::{PhotoFile, PhotoFiles, PreparedPhoto};

fn file(photo: EncodedPhoto) -> PhotoFile {
    PhotoFile {
        content_type: photo.content_type(),
        extension: photo.format.extension(),
        width: photo.width,
        height: photo.height,
        bytes: photo.bytes,
    }
}

#[async_trait]
impl PhotoFiles for ObjectStorage {
    async fn prepare(&self, bytes: Vec<u8>, max_bytes: usize) -> Result<PreparedPhoto, AppError> {
        let processed = tokio::task::spawn_blocking(move || process_photo(&bytes, max_bytes))
            .await
            .map_err(AppError::internal)??;
        Ok(PreparedPhoto {
            original: file(processed.original),
            resized: file(processed.resized),
        })
    }

    async fn put(&self, key: &str, bytes: Vec<u8>, content_type: &str) -> Result<(), AppError> {
        ObjectStorage::put(self, key, bytes, content_type)
            .await
            .map_err(AppError::unavailable)
    }

    async fn delete(&self, key: &str) -> Result<(), AppError> {
        ObjectStorage::delete(self, key)
            .await
            .map_err(AppError::unavailable)
    }
}
