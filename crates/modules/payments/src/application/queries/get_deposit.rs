//! `GetDepositQuery`: the security deposit of a booking — the card kept for it, the
//! holds placed on it and the photos of damage — for whoever sees the booking in full
//! (its guest, staff); `DamagePhotoQuery` one photo's file.

use sejour_core::{AppError, Ctx};
use uuid::Uuid;

use crate::{
    application::Payments,
    domain::{DamagePhoto, DepositHold, KeptCard},
};

/// A booking's security deposit.
#[derive(Debug, Clone)]
pub struct DepositView {
    /// The card kept for it.
    pub card: Option<KeptCard>,
    /// Its holds, oldest first.
    pub holds: Vec<DepositHold>,
    /// The photos of damage, oldest first.
    pub photos: Vec<DamagePhoto>,
}

/// `GetDepositHandler`: 404 as for the booking.
#[doc(alias = "GetDepositHandler")]
pub async fn get_deposit(
    app: &Payments,
    ctx: &Ctx,
    reservation_id: Uuid,
) -> Result<DepositView, AppError> {
    app.book.payable(ctx, reservation_id).await?;
    Ok(DepositView {
        card: app.deposits.card(reservation_id).await?,
        holds: app.deposits.of_reservation(reservation_id).await?,
        photos: app.deposits.photos(reservation_id).await?,
    })
}

/// `DamagePhotoHandler`: a photo of the booking's damage and its bytes; 404 as for the
/// booking, or when it has no such photo.
#[doc(alias = "DamagePhotoHandler")]
pub async fn damage_photo(
    app: &Payments,
    ctx: &Ctx,
    reservation_id: Uuid,
    photo_id: Uuid,
) -> Result<(DamagePhoto, Vec<u8>), AppError> {
    app.book.payable(ctx, reservation_id).await?;
    let photo = app
        .deposits
        .photos(reservation_id)
        .await?
        .into_iter()
        .find(|p| p.id == photo_id)
        .ok_or_else(|| AppError::not_found("photo"))?;
    let bytes =
        app.evidence.read(&photo.image.key).await?.ok_or_else(|| {
            AppError::unavailable("the photo's file is missing from object storage")
        })?;
    Ok((photo, bytes))
}
