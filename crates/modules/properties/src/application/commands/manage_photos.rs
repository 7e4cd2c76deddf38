//! `AddPhotoCommand`, `UpdatePhotoCommand`, `RemovePhotoCommand`.
//!
//! A photo is checked by its content (JPEG, PNG or WebP, whatever its name says),
//! re-encoded without metadata (no EXIF GPS), and stored with a resized variant.

use sejour_core::{AppError, Ctx};
use sejour_infrastructure::{db::storage_error, images::process_photo, storage::ObjectStorage};
use uuid::Uuid;

use crate::{
    application::access::Access,
    domain::{events::PropertyEvent, property::PropertyStatus},
    infrastructure::{
        PgPropertyRepository,
        photos::{self, PhotoRecord},
    },
};

fn as_i32(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// A photo to add.
#[derive(Debug, Clone)]
pub struct AddPhotoCommand {
    /// The property.
    pub property_id: Uuid,
    /// The uploaded bytes, whatever their claimed type.
    pub bytes: Vec<u8>,
    /// A caption.
    pub caption: String,
    /// The largest upload accepted.
    pub max_bytes: usize,
}

/// Adds a photo at the end of the gallery (staff); returns its record.
pub async fn add_photo(
    repo: &PgPropertyRepository,
    access: &Access,
    storage: &ObjectStorage,
    ctx: &Ctx,
    cmd: AddPhotoCommand,
) -> Result<PhotoRecord, AppError> {
    access.require_manager(&ctx.actor)?;
    let AddPhotoCommand {
        property_id,
        bytes,
        caption,
        max_bytes,
    } = cmd;
    repo.get(property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    let processed = tokio::task::spawn_blocking(move || process_photo(&bytes, max_bytes))
        .await
        .map_err(AppError::internal)??;
    let id = repo.ids().new_id();
    let original_key = photos::key(
        property_id,
        id,
        "original",
        processed.original.format.extension(),
    );
    let resized_key = photos::key(
        property_id,
        id,
        "resized",
        processed.resized.format.extension(),
    );
    let record = PhotoRecord {
        id,
        property_id,
        position: 0,
        caption: caption.trim().chars().take(300).collect(),
        original_key: original_key.clone(),
        resized_key: resized_key.clone(),
        content_type: processed.original.content_type().to_owned(),
        width: as_i32(processed.original.width),
        height: as_i32(processed.original.height),
        resized_width: as_i32(processed.resized.width),
        resized_height: as_i32(processed.resized.height),
        bytes: i64::try_from(processed.original.bytes.len()).unwrap_or(i64::MAX),
        created_at: repo.clock().now(),
    };
    let unavailable = |e: sejour_infrastructure::storage::StorageError| AppError::unavailable(e);
    storage
        .put(
            &original_key,
            processed.original.bytes.clone(),
            processed.original.content_type(),
        )
        .await
        .map_err(unavailable)?;
    storage
        .put(
            &resized_key,
            processed.resized.bytes.clone(),
            processed.resized.content_type(),
        )
        .await
        .map_err(unavailable)?;
    let saved = async {
        let mut tx = repo.begin().await?;
        repo.get_for_update(&mut tx, property_id)
            .await?
            .ok_or_else(|| AppError::not_found("property"))?;
        let position = photos::insert(&mut tx, &record).await?;
        repo.publish(
            &mut tx,
            ctx,
            &PropertyEvent::PhotoAdded {
                property_id,
                photo_id: id,
            },
        )
        .await?;
        tx.commit().await.map_err(storage_error)?;
        Ok::<_, AppError>(position)
    }
    .await;
    match saved {
        Ok(position) => Ok(PhotoRecord { position, ..record }),
        Err(e) => {
            forget(storage, &[&original_key, &resized_key]).await;
            Err(e)
        }
    }
}

/// Changes a photo's caption or position (staff).
pub async fn update_photo(
    repo: &PgPropertyRepository,
    access: &Access,
    ctx: &Ctx,
    property_id: Uuid,
    photo_id: Uuid,
    caption: Option<String>,
    position: Option<u32>,
) -> Result<(), AppError> {
    access.require_manager(&ctx.actor)?;
    let mut tx = repo.begin().await?;
    repo.get_for_update(&mut tx, property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    let caption: Option<String> = caption.map(|c| c.trim().chars().take(300).collect());
    if !photos::update(
        &mut tx,
        property_id,
        photo_id,
        caption.as_deref(),
        position.map(as_i32),
    )
    .await?
    {
        return Err(AppError::not_found("photo"));
    }
    tx.commit().await.map_err(storage_error)
}

/// Removes a photo (staff); a published property keeps at least one.
pub async fn remove_photo(
    repo: &PgPropertyRepository,
    access: &Access,
    storage: &ObjectStorage,
    ctx: &Ctx,
    property_id: Uuid,
    photo_id: Uuid,
) -> Result<(), AppError> {
    access.require_manager(&ctx.actor)?;
    let mut tx = repo.begin().await?;
    let property = repo
        .get_for_update(&mut tx, property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    if property.status == PropertyStatus::Published && property.photos.len() == 1 {
        return Err(AppError::rule(
            "property.last_photo",
            "A published property keeps at least one photo; unpublish it first.",
        ));
    }
    let Some(removed) = photos::delete(&mut tx, property_id, photo_id).await? else {
        return Err(AppError::not_found("photo"));
    };
    repo.publish(
        &mut tx,
        ctx,
        &PropertyEvent::PhotoRemoved {
            property_id,
            photo_id,
        },
    )
    .await?;
    tx.commit().await.map_err(storage_error)?;
    forget(storage, &[&removed.original_key, &removed.resized_key]).await;
    Ok(())
}

/// Deletes objects, logging (not failing) when storage refuses.
async fn forget(storage: &ObjectStorage, keys: &[&str]) {
    for key in keys {
        if let Err(e) = storage.delete(key).await {
            tracing::warn!(%key, error = %e, "could not delete a photo object; it is orphaned");
        }
    }
}
