//! `EvidenceFiles` on object storage: a damage photo checked by its content (JPEG, PNG
//! or WebP), cleaned of its metadata (EXIF with its GPS position) by the platform's image
//! processing, kept under `deposits/<booking>/<photo>.<ext>`.

use async_trait::async_trait;
use sejour_core::AppError;
use sejour_infrastructure::{images::process_photo, storage::ObjectStorage};
use uuid::Uuid;

use crate::domain::{EvidenceFiles, StoredImage};

/// Damage photos on object storage.
pub struct StoredEvidence {
    storage: ObjectStorage,
}

impl StoredEvidence {
    /// The files on `storage`.
    pub fn new(storage: ObjectStorage) -> Self {
        Self { storage }
    }
}

#[async_trait]
impl EvidenceFiles for StoredEvidence {
    async fn keep(
        &self,
        reservation_id: Uuid,
        id: Uuid,
        bytes: Vec<u8>,
        max_bytes: usize,
    ) -> Result<StoredImage, AppError> {
        let processed = tokio::task::spawn_blocking(move || process_photo(&bytes, max_bytes))
            .await
            .map_err(AppError::internal)??;
        let original = processed.original;
        let key = format!(
            "deposits/{reservation_id}/{id}.{}",
            original.format.extension()
        );
        let content_type = original.content_type();
        let stored = StoredImage {
            key: key.clone(),
            content_type,
            width: original.width,
            height: original.height,
            bytes: original.bytes.len(),
        };
        self.storage
            .put(&key, original.bytes, content_type)
            .await
            .map_err(AppError::unavailable)?;
        Ok(stored)
    }

    async fn read(&self, key: &str) -> Result<Option<Vec<u8>>, AppError> {
        Ok(self
            .storage
            .get(key)
            .await
            .map_err(AppError::unavailable)?
            .map(|(bytes, _)| bytes.to_vec()))
    }

    async fn forget(&self, key: &str) {
        if let Err(e) = self.storage.delete(key).await {
            tracing::warn!(key, error = %e, "damage photo left on object storage");
        }
    }
}
