//! The security deposit of a booking: the card kept for it, its holds, a manager's damage
//! claim and the photos of the damage.

use axum::{
    body::Body,
    extract::{Multipart, State, multipart::MultipartRejection},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::{DateTime, Utc};
use sejour_core::{FieldError, value_objects::Money};
use sejour_infrastructure::http::{
    ApiError, Json, Path, RequestCtx,
    problem::Problem,
    upload::{PhotoUpload, UploadedPhoto, read_photo_upload},
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::{PaymentsState, required_reason};
use crate::{
    application::{
        commands::{
            hold_deposits::{ClaimDepositCommand, claim_deposit as claim},
            keep_damage_photo::{KeepDamagePhotoCommand, keep_damage_photo},
        },
        queries::get_deposit::{DepositView, damage_photo, get_deposit as get},
    },
    domain::{DamagePhoto, DepositHold, KeptCard},
};

/// The card the guest saved at checkout, with their consent.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SavedCardDto {
    /// The provider keeping it.
    pub provider: String,
    /// Its last four digits.
    pub last4: String,
    /// When the guest agreed to the balance charged and the deposit held on it.
    pub consented_at: DateTime<Utc>,
}

/// A hold of the security deposit.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DepositHoldDto {
    /// Id.
    pub id: Uuid,
    /// How much is (or was) held.
    #[schema(value_type = sejour_infrastructure::http::dto::MoneySchema)]
    pub amount: Money,
    /// held, released, captured, renewed (replaced by a new hold) or failed.
    #[schema(value_type = DepositHoldStatusSchema)]
    pub status: &'static str,
    /// When the provider lets it lapse (it is renewed before, while needed).
    pub expires_at: DateTime<Utc>,
    /// What a damage claim took.
    #[schema(value_type = Option<sejour_infrastructure::http::dto::MoneySchema>)]
    pub captured: Option<Money>,
    /// Why the card refused it, or what the claim was for.
    pub reason: Option<String>,
    /// Placed.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// A hold's status.
#[derive(ToSchema)]
#[schema(as = DepositHoldStatus)]
#[allow(dead_code)]
pub enum DepositHoldStatusSchema {
    /// Held on the card.
    #[schema(rename = "held")]
    Held,
    /// Given back in full.
    #[schema(rename = "released")]
    Released,
    /// Taken in part or in whole by a damage claim.
    #[schema(rename = "captured")]
    Captured,
    /// Replaced by a new hold before it lapsed.
    #[schema(rename = "renewed")]
    Renewed,
    /// Refused by the card.
    #[schema(rename = "failed")]
    Failed,
}

impl From<DepositHold> for DepositHoldDto {
    fn from(h: DepositHold) -> Self {
        Self {
            id: h.id,
            amount: h.amount,
            status: h.status.as_str(),
            expires_at: h.expires_at,
            captured: h.captured,
            reason: h.reason,
            created_at: h.created_at,
            updated_at: h.updated_at,
        }
    }
}

/// A photo of the damage a claim is for.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DamagePhotoDto {
    /// Id.
    pub id: Uuid,
    /// The image (`GET`, the guest and staff).
    pub url: String,
    /// `image/jpeg`, `image/png` or `image/webp`.
    pub content_type: String,
    /// Width, pixels.
    pub width: u32,
    /// Height, pixels.
    pub height: u32,
    /// What it shows.
    pub caption: String,
    /// When it was added.
    pub uploaded_at: DateTime<Utc>,
}

impl From<DamagePhoto> for DamagePhotoDto {
    fn from(p: DamagePhoto) -> Self {
        Self {
            id: p.id,
            url: format!(
                "/api/v1/reservations/{}/deposit/photos/{}",
                p.reservation_id, p.id
            ),
            content_type: p.image.content_type.to_owned(),
            width: p.image.width,
            height: p.image.height,
            caption: p.caption,
            uploaded_at: p.uploaded_at,
        }
    }
}

/// The security deposit of a booking.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DepositDto {
    /// The card kept for the booking, if the guest saved one.
    pub card: Option<SavedCardDto>,
    /// Its holds, oldest first.
    pub holds: Vec<DepositHoldDto>,
    /// The photos of damage, oldest first.
    pub photos: Vec<DamagePhotoDto>,
}

/// A damage claim.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimDepositRequest {
    /// How much to take (at most what is held).
    #[schema(value_type = sejour_infrastructure::http::dto::MoneySchema)]
    pub amount: Money,
    /// What for: shown to the guest, kept in the audit trail.
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub reason: String,
}

/// The booking's security deposit: the card kept and the holds (its guest and staff;
/// 404 for anyone else).
#[utoipa::path(get, path = "/reservations/{id}/deposit", operation_id = "getDeposit", tag = "payments",
    params(("id" = Uuid, Path, description = "The reservation")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The deposit", body = DepositDto),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such reservation (or not yours)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_deposit(
    State(state): State<PaymentsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
) -> Result<Json<DepositDto>, ApiError> {
    let DepositView {
        card,
        holds,
        photos,
    } = get(&state.app, &ctx, id).await?;
    Ok(Json(DepositDto {
        card: card.map(
            |KeptCard {
                 provider,
                 card,
                 consented_at,
             }| SavedCardDto {
                provider,
                last4: card.last4,
                consented_at,
            },
        ),
        holds: holds.into_iter().map(DepositHoldDto::from).collect(),
        photos: photos.into_iter().map(DamagePhotoDto::from).collect(),
    }))
}

/// A damage claim (staff): takes `amount` of the held deposit through the provider, the
/// rest given back; audited.
#[utoipa::path(post, path = "/reservations/{id}/deposit/claims", operation_id = "claimDeposit", tag = "payments",
    params(("id" = Uuid, Path, description = "The reservation")),
    request_body = ClaimDepositRequest,
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The hold, captured", body = DepositHoldDto),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such reservation", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No deposit held (`deposit.not_held`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "More than is held, or no reason (`deposit.claim_exceeds_hold`, `deposit.reason_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The payment provider failed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn claim_deposit(
    State(state): State<PaymentsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
    Json(body): Json<ClaimDepositRequest>,
) -> Result<Json<DepositHoldDto>, ApiError> {
    let reason = required_reason(
        &body.reason,
        FieldError::new(
            "reason",
            "deposit.reason_required",
            "Say what the claim is for (500 characters at most).",
        ),
    )?;
    let command = ClaimDepositCommand {
        reservation_id: id,
        amount: body.amount,
        reason: reason.to_owned(),
    };
    Ok(Json(claim(&state.app, &ctx, command).await?.into()))
}

/// Keeps a photo of the damage (staff), shown to the guest: the content decides the type
/// (JPEG, PNG or WebP), its metadata (EXIF, GPS) is stripped; never changed nor deleted;
/// audited (`payments.DamagePhotoAdded`).
#[utoipa::path(post, path = "/reservations/{id}/deposit/photos", operation_id = "addDamagePhoto", tag = "payments",
    params(("id" = Uuid, Path, description = "The reservation")),
    request_body(content = PhotoUpload, content_type = "multipart/form-data"),
    security(("bearerAuth" = [])),
    responses(
        (status = 201, description = "Kept", body = DamagePhotoDto),
        (status = 400, description = "Not a multipart upload with a `file`", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such reservation", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The booking keeps 20 photos already (`deposit.too_many_photos`)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a JPEG, PNG or WebP image, or unreadable, or a part other than `file` and `caption`", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The object storage failed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn add_damage_photo(
    State(state): State<PaymentsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<DamagePhotoDto>), ApiError> {
    let UploadedPhoto { file, caption } = read_photo_upload(multipart).await?;
    let command = KeepDamagePhotoCommand {
        reservation_id: id,
        bytes: file,
        caption,
        max_bytes: state.max_upload_bytes,
    };
    let photo = keep_damage_photo(&state.app, &ctx, command).await?;
    Ok((StatusCode::CREATED, Json(photo.into())))
}

/// A photo of the damage (the guest who booked and staff; 404 for anyone else).
#[utoipa::path(get, path = "/reservations/{id}/deposit/photos/{photo_id}", operation_id = "getDamagePhoto", tag = "payments",
    params(("id" = Uuid, Path, description = "The reservation"), ("photo_id" = Uuid, Path, description = "The photo")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The image", content_type = "image/*"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such photo (or not yours)", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The object storage failed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_damage_photo(
    State(state): State<PaymentsState>,
    RequestCtx(ctx): RequestCtx,
    Path((id, photo_id)): Path<(Uuid, Uuid)>,
) -> Result<Response, ApiError> {
    let (photo, bytes) = damage_photo(&state.app, &ctx, id, photo_id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, photo.image.content_type),
            (header::CACHE_CONTROL, "private, no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        Body::from(bytes),
    )
        .into_response())
}
