//! `KeepDamagePhotoCommand`: staff keep a photo of the damage a security-deposit claim is
//! for — checked by its content, its metadata stripped, never changed nor deleted, shown
//! to the guest — with a `payments.DamagePhotoAdded` event (hence in the audit trail).

use sejour_core::{AppError, Ctx, authz::require_staff};
use uuid::Uuid;

use crate::{
    application::Payments,
    domain::{DamagePhoto, DepositError, DepositEvent, deposit::MAX_DAMAGE_PHOTOS},
    published_language::DamagePhotoAdded,
};

/// A photo to keep.
#[derive(Debug, Clone)]
pub struct KeepDamagePhotoCommand {
    /// The booking.
    pub reservation_id: Uuid,
    /// The uploaded bytes, whatever their claimed type.
    pub bytes: Vec<u8>,
    /// What it shows (trimmed, its first 300 characters kept).
    pub caption: String,
    /// The largest upload accepted.
    pub max_bytes: usize,
}

/// `KeepDamagePhotoHandler` (staff, 403 otherwise): 404 as for the booking; 422 for a
/// file that is not a JPEG, PNG or WebP image, or too large; 409
/// `deposit.too_many_photos` past [`MAX_DAMAGE_PHOTOS`].
#[doc(alias = "KeepDamagePhotoHandler")]
pub async fn keep_damage_photo(
    app: &Payments,
    ctx: &Ctx,
    command: KeepDamagePhotoCommand,
) -> Result<DamagePhoto, AppError> {
    require_staff(&ctx.actor)?;
    app.book.payable(ctx, command.reservation_id).await?;
    let id = app.ids.new_id();
    let image = app
        .evidence
        .keep(command.reservation_id, id, command.bytes, command.max_bytes)
        .await?;
    let photo = DamagePhoto {
        id,
        reservation_id: command.reservation_id,
        image,
        caption: command.caption.trim().chars().take(300).collect(),
        uploaded_at: app.clock.now(),
    };
    let event = DepositEvent::PhotoAdded(DamagePhotoAdded {
        photo_id: id,
        reservation_id: photo.reservation_id,
        caption: photo.caption.clone(),
    });
    let saved = async {
        let mut tx = app.uow.begin().await?;
        if !app
            .deposits
            .add_photo(&mut tx, ctx, &photo, MAX_DAMAGE_PHOTOS, vec![event])
            .await?
        {
            return Err(DepositError::TooManyPhotos.into());
        }
        app.uow.commit(tx).await
    }
    .await;
    if let Err(e) = saved {
        app.evidence.forget(&photo.image.key).await;
        return Err(e);
    }
    Ok(photo)
}
