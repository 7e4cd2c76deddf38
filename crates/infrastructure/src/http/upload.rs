//! Photo uploads (`multipart/form-data`): a `file` part and an optional `caption`, read the
//! same way on every route that takes one (a property's gallery, the damage of a stay),
//! with their errors: 400 `photo.invalid_upload` / `photo.missing_file`, 413
//! `photo.too_large`, 422 for any other part. What the file is, is the image processing's
//! to decide (`crate::images`).

use axum::{
    extract::{
        DefaultBodyLimit, Multipart,
        multipart::{MultipartError, MultipartRejection},
    },
    http::StatusCode,
};
use sejour_core::{AppError, FieldError};
use serde::Deserialize;
use utoipa::ToSchema;

use super::ApiError;

/// A photo upload: `file` (JPEG, PNG or WebP) and an optional `caption`; any other part
/// is refused (422), as an unknown field of a JSON body is.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct PhotoUpload {
    /// The image.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    /// A caption (trimmed, its first 300 characters kept).
    #[schema(pattern = r"^[^\x00]*$")]
    caption: Option<String>,
}

/// What a photo upload carried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadedPhoto {
    /// The file's bytes, whatever their claimed type.
    pub file: Vec<u8>,
    /// The caption, as sent (empty when none).
    pub caption: String,
}

fn multipart_error(e: MultipartError) -> ApiError {
    let status = e.status();
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::new(AppError::rule("photo.too_large", "The photo is too large."))
            .with_status(status)
    } else {
        AppError::bad_request(
            "photo.invalid_upload",
            format!("The upload could not be read: {}", e.body_text()),
        )
        .into()
    }
}

/// Reads a [`PhotoUpload`].
pub async fn read_photo_upload(
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<UploadedPhoto, ApiError> {
    let mut multipart = multipart.map_err(|e| {
        ApiError::from(AppError::bad_request("photo.invalid_upload", e.body_text()))
    })?;
    let mut file = None;
    let mut caption = String::new();
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        match field.name() {
            Some("file") => file = Some(field.bytes().await.map_err(multipart_error)?.to_vec()),
            Some("caption") => caption = field.text().await.map_err(multipart_error)?,
            other => {
                let name = other.unwrap_or_default().to_owned();
                return Err(AppError::validation(vec![FieldError::new(
                    name.clone(),
                    "request.invalid_field",
                    format!("unknown part `{name}`, expected `file` or `caption`"),
                )])
                .into());
            }
        }
    }
    if caption.contains('\0') {
        return Err(AppError::validation(vec![FieldError::new(
            "caption",
            "request.invalid_field",
            "text must not contain the NUL character (U+0000)",
        )])
        .into());
    }
    let Some(file) = file else {
        return Err(AppError::bad_request(
            "photo.missing_file",
            "Send the image in a `file` field.",
        )
        .into());
    };
    Ok(UploadedPhoto { file, caption })
}

/// An upload route's body limit: the upload limit plus room for the multipart envelope.
pub fn upload_limit(max_upload_bytes: usize) -> DefaultBodyLimit {
    DefaultBodyLimit::max(max_upload_bytes.saturating_add(64 * 1024))
}
