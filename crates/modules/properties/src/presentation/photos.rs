//! `/properties/{id}/photos`: upload (multipart), reorder, caption, delete, serve.

use axum::{
    body::Body,
    extract::{Multipart, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use sejour_core::AppError;
use sejour_infrastructure::http::{
    ApiError, Json, Path, RequestCtx,
    problem::Problem,
    upload::{PhotoUpload, UploadedPhoto, read_photo_upload},
};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{PropertiesState, dto::PhotoDto};
use crate::{
    application::{
        commands::manage_photos::{AddPhotoCommand, add_photo, remove_photo, update_photo},
        queries::get_property::get_property,
    },
    domain::photo::PhotoRecord,
};

/// Caption or position changes.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PhotoChanges {
    /// New caption (trimmed, its first 300 characters kept).
    #[schema(pattern = r"^[^\x00]*$")]
    pub caption: Option<String>,
    /// New position (0 first); the others shift.
    #[schema(maximum = 4294967295_u64)]
    pub position: Option<u32>,
}

fn to_dto(p: &PhotoRecord) -> PhotoDto {
    let base = format!("/api/v1/properties/{}/photos/{}", p.property_id, p.id);
    PhotoDto {
        id: p.id,
        position: u32::try_from(p.position).unwrap_or(0),
        caption: p.caption.clone(),
        url: format!("{base}/original"),
        resized_url: format!("{base}/resized"),
        width: u32::try_from(p.width).unwrap_or(0),
        height: u32::try_from(p.height).unwrap_or(0),
    }
}

/// The gallery of a property, as DTOs.
pub async fn photo_dtos(
    state: &PropertiesState,
    property_id: Uuid,
) -> Result<Vec<PhotoDto>, ApiError> {
    Ok(state
        .app
        .repo
        .photos(property_id)
        .await?
        .iter()
        .map(to_dto)
        .collect())
}

/// Adds a photo (staff). The content decides the type: a renamed executable is refused.
/// Metadata (EXIF, GPS) is stripped; a resized variant (≤ 1280 px) is produced.
#[utoipa::path(post, path = "/properties/{id}/photos", operation_id = "uploadPhoto", tag = "properties",
    params(("id" = Uuid, Path, description = "The property")),
    request_body(content = PhotoUpload, content_type = "multipart/form-data"),
    security(("bearerAuth" = [])),
    responses(
        (status = 201, description = "Added", body = PhotoDto),
        (status = 400, description = "Not a multipart upload with a `file`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such property", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a JPEG, PNG or WebP image, or unreadable, or a part other than `file` and `caption`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn upload(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<(StatusCode, Json<PhotoDto>), ApiError> {
    let UploadedPhoto {
        file: bytes,
        caption,
    } = read_photo_upload(multipart).await?;
    let command = AddPhotoCommand {
        property_id: id,
        bytes,
        caption,
        max_bytes: state.max_upload_bytes,
    };
    let record = add_photo(&state.app, &state.access, &state.storage, &ctx, command).await?;
    Ok((StatusCode::CREATED, Json(to_dto(&record))))
}

/// Lists a property's photos.
#[utoipa::path(get, path = "/properties/{id}/photos", operation_id = "listPhotos", tag = "properties",
    params(("id" = Uuid, Path, description = "The property")),
    responses(
        (status = 200, description = "Photos in order", body = Vec<PhotoDto>),
        (status = 404, description = "No such property", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<PhotoDto>>, ApiError> {
    get_property(&state.app, &state.access, &ctx, id).await?;
    Ok(Json(photo_dtos(&state, id).await?))
}

/// Changes a photo's caption or position (staff).
#[utoipa::path(patch, path = "/properties/{id}/photos/{photo_id}", operation_id = "updatePhoto", tag = "properties", request_body = PhotoChanges,
    params(("id" = Uuid, Path, description = "The property"), ("photo_id" = Uuid, Path, description = "The photo")),
    security(("bearerAuth" = [])),
    responses(
        (status = 204, description = "Changed"),
        (status = 404, description = "No such photo", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn change(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path((id, photo_id)): Path<(Uuid, Uuid)>,
    Json(body): Json<PhotoChanges>,
) -> Result<StatusCode, ApiError> {
    update_photo(
        &state.app,
        &state.access,
        &ctx,
        id,
        photo_id,
        body.caption,
        body.position,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes a photo (staff); a published property keeps at least one.
#[utoipa::path(delete, path = "/properties/{id}/photos/{photo_id}", operation_id = "deletePhoto", tag = "properties",
    params(("id" = Uuid, Path, description = "The property"), ("photo_id" = Uuid, Path, description = "The photo")),
    security(("bearerAuth" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such photo", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The last photo of a published property", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path((id, photo_id)): Path<(Uuid, Uuid)>,
) -> Result<StatusCode, ApiError> {
    remove_photo(
        &state.app,
        &state.access,
        &state.storage,
        &ctx,
        id,
        photo_id,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Serves a photo: `original` (metadata stripped) or `resized`.
#[utoipa::path(get, path = "/properties/{id}/photos/{photo_id}/{variant}", operation_id = "getPhotoFile", tag = "properties",
    params(
        ("id" = Uuid, Path, description = "The property"),
        ("photo_id" = Uuid, Path, description = "The photo"),
        ("variant" = inline(crate::presentation::schemas::PhotoVariant), Path, description = "`original` or `resized`"),
    ),
    responses(
        (status = 200, description = "The image", content_type = "image/*"),
        (status = 404, description = "No such photo", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn serve(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path((id, photo_id, variant)): Path<(Uuid, Uuid, String)>,
) -> Result<Response, ApiError> {
    get_property(&state.app, &state.access, &ctx, id).await?;
    let photo = state
        .app
        .repo
        .photo(id, photo_id)
        .await?
        .ok_or_else(|| AppError::not_found("photo"))?;
    let key = match variant.as_str() {
        "original" => &photo.original_key,
        "resized" => &photo.resized_key,
        _ => return Err(AppError::not_found("photo").into()),
    };
    let (bytes, content_type) = state
        .storage
        .get(key)
        .await
        .map_err(AppError::unavailable)?
        .ok_or_else(|| AppError::not_found("photo"))?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=86400".to_owned()),
        ],
        Body::from(bytes),
    )
        .into_response())
}
