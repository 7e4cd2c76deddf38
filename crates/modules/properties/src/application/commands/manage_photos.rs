//! `AddPhotoCommand`, `UpdatePhotoCommand`, `RemovePhotoCommand`.
//!
//! A photo is checked by its content (JPEG, PNG or WebP, whatever its name says),
//! re-encoded without metadata (no EXIF GPS), and stored with a resized variant.

use sejour_core::{AppError, Ctx};
use uuid::Uuid;

use crate::{
    application::{Properties, access::Access},
    domain::{
        events::{PhotoAdded, PhotoRemoved, PropertyEvent},
        gateways::PhotoFiles,
        photo::{PhotoRecord, key},
        property::PropertyStatus,
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
#[doc(alias = "AddPhotoHandler")]
pub async fn add_photo(
    app: &Properties,
    access: &Access,
    files: &dyn PhotoFiles,
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
    app.repo
        .find_by_id(property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    let prepared = files.prepare(bytes, max_bytes).await?;
    let id = app.ids.new_id();
    let original_key = key(property_id, id, "original", prepared.original.extension);
    let resized_key = key(property_id, id, "resized", prepared.resized.extension);
    let record = PhotoRecord {
        id,
        property_id,
        position: 0,
        caption: caption.trim().chars().take(300).collect(),
        original_key: original_key.clone(),
        resized_key: resized_key.clone(),
        content_type: prepared.original.content_type.to_owned(),
        width: as_i32(prepared.original.width),
        height: as_i32(prepared.original.height),
        resized_width: as_i32(prepared.resized.width),
        resized_height: as_i32(prepared.resized.height),
        bytes: i64::try_from(prepared.original.bytes.len()).unwrap_or(i64::MAX),
        created_at: app.clock.now(),
    };
    files
        .put(
            &original_key,
            prepared.original.bytes,
            prepared.original.content_type,
        )
        .await?;
    files
        .put(
            &resized_key,
            prepared.resized.bytes,
            prepared.resized.content_type,
        )
        .await?;
    let saved = async {
        let mut tx = app.uow.begin().await?;
        app.repo
            .find_for_update(&mut tx, property_id)
            .await?
            .ok_or_else(|| AppError::not_found("property"))?;
        let position = app.repo.add_photo(&mut tx, &record).await?;
        app.repo
            .publish(
                &mut tx,
                ctx,
                &PropertyEvent::PhotoAdded(PhotoAdded {
                    property_id,
                    photo_id: id,
                }),
            )
            .await?;
        app.uow.commit(tx).await?;
        Ok::<_, AppError>(position)
    }
    .await;
    match saved {
        Ok(position) => Ok(PhotoRecord { position, ..record }),
        Err(e) => {
            forget(files, &[&original_key, &resized_key]).await;
            Err(e)
        }
    }
}

/// Changes a photo's caption or position (staff).
#[doc(alias = "UpdatePhotoHandler")]
pub async fn update_photo(
    app: &Properties,
    access: &Access,
    ctx: &Ctx,
    property_id: Uuid,
    photo_id: Uuid,
    caption: Option<String>,
    position: Option<u32>,
) -> Result<(), AppError> {
    access.require_manager(&ctx.actor)?;
    let mut tx = app.uow.begin().await?;
    app.repo
        .find_for_update(&mut tx, property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    let caption: Option<String> = caption.map(|c| c.trim().chars().take(300).collect());
    if !app
        .repo
        .update_photo(
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
    app.uow.commit(tx).await
}

/// Removes a photo (staff); a published property keeps at least one.
#[doc(alias = "RemovePhotoHandler")]
pub async fn remove_photo(
    app: &Properties,
    access: &Access,
    files: &dyn PhotoFiles,
    ctx: &Ctx,
    property_id: Uuid,
    photo_id: Uuid,
) -> Result<(), AppError> {
    access.require_manager(&ctx.actor)?;
    let mut tx = app.uow.begin().await?;
    let property = app
        .repo
        .find_for_update(&mut tx, property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    if property.status == PropertyStatus::Published && property.photos.len() == 1 {
        return Err(AppError::rule(
            "property.last_photo",
            "A published property keeps at least one photo; unpublish it first.",
        ));
    }
    let Some(removed) = app
        .repo
        .remove_photo(&mut tx, property_id, photo_id)
        .await?
    else {
        return Err(AppError::not_found("photo"));
    };
    app.repo
        .publish(
            &mut tx,
            ctx,
            &PropertyEvent::PhotoRemoved(PhotoRemoved {
                property_id,
                photo_id,
            }),
        )
        .await?;
    app.uow.commit(tx).await?;
    forget(files, &[&removed.original_key, &removed.resized_key]).await;
    Ok(())
}

/// Deletes files, logging (not failing) when storage refuses.
async fn forget(files: &dyn PhotoFiles, keys: &[&str]) {
    for key in keys {
        if let Err(e) = files.delete(key).await {
            let cause = e.internal.unwrap_or(e.message);
            tracing::warn!(%key, error = %cause, "could not delete a photo object; it is orphaned");
        }
    }
}
