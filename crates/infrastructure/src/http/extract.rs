//! Extractors whose rejections are problem documents: `Json`, `Query`, `Path`.
//!
//! `Json` reports the path of the offending field (`guest.email`), so clients get an
//! `errors[]` entry rather than a parser message.

use axum::body::Bytes;
use axum::{
    extract::{FromRequest, FromRequestParts, Request, rejection::BytesRejection},
    http::{StatusCode, header, request::Parts},
    response::{IntoResponse, Response},
};
use sejour_core::{AppError, ErrorKind, FieldError};
use serde::{Serialize, de::DeserializeOwned};

use super::{problem::ApiError, schema_reader::SchemaReader};

/// A JSON body, deserialised with field paths in its errors; also a JSON response.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|mime| {
                let mime = mime.trim().to_ascii_lowercase();
                mime == "application/json"
                    || (mime.starts_with("application/") && mime.ends_with("+json"))
            })
            .unwrap_or(false);
        if !is_json {
            return Err(ApiError::new(AppError::new(
                ErrorKind::BadRequest,
                "request.unsupported_media_type",
                "Send a JSON body with Content-Type: application/json.",
            ))
            .with_status(StatusCode::UNSUPPORTED_MEDIA_TYPE));
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e: BytesRejection| body_rejection(e.status()))?;
        if !is_object(&bytes) && serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_ok() {
            return Err(ApiError::new(AppError::validation(vec![FieldError::new(
                String::new(),
                "request.invalid_field",
                "The body must be a JSON object.",
            )])));
        }
        from_slice(&bytes).map(Json)
    }
}

/// Whether a body starts as a JSON object (every request body of the API is one; serde
/// would otherwise read a struct from an array).
fn is_object(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{')
}

fn body_rejection(status: StatusCode) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::new(AppError::new(
            ErrorKind::BadRequest,
            "request.body_too_large",
            "The request body is too large.",
        ))
        .with_status(StatusCode::PAYLOAD_TOO_LARGE)
    } else {
        ApiError::new(AppError::bad_request(
            "request.unreadable_body",
            "The request body could not be read.",
        ))
    }
}

/// Deserialises JSON, mapping syntax errors to 400 and shape errors to 422 with the path.
/// Read as the OpenAPI document describes the body ([`SchemaReader`]): a whole number
/// written with a fraction (`2.0`) is an integer, an object is never read from an array.
pub fn from_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(SchemaReader(de)).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        if inner.is_data() {
            let field = if path == "." { String::new() } else { path };
            ApiError::new(AppError::validation(vec![FieldError::new(
                field,
                "request.invalid_field",
                inner.to_string(),
            )]))
        } else {
            ApiError::new(AppError::bad_request(
                "request.malformed_json",
                format!("The body is not valid JSON: {inner}"),
            ))
        }
    })
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// Query-string parameters, read as their schema says ([`SchemaReader`]); a bad one is a
/// 400 naming it — text holding a NUL character (`%00`), which no text column can hold,
/// among them (every text parameter's pattern excludes it). Unknown parameters are
/// ignored.
#[derive(Debug, Clone, Copy, Default)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        if query.contains("%00") {
            // Read as the schema says, only when it matters: the fields read refuse NUL.
            let pairs =
                serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
            serde_path_to_error::deserialize::<_, T>(SchemaReader(pairs)).map_err(|e| {
                let field = e.path().to_string();
                invalid_query(format!("{field}: {}", e.into_inner()))
            })?;
        }
        serde_urlencoded_path(query).map(Query)
    }
}

fn serde_urlencoded_path<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    axum::extract::Query::<T>::try_from_uri(
        &format!("/?{query}")
            .parse()
            .map_err(|_| invalid_query("the query string is malformed".to_owned()))?,
    )
    .map(|q| q.0)
    .map_err(|e| invalid_query(e.body_text()))
}

fn invalid_query(detail: String) -> ApiError {
    ApiError::new(AppError::bad_request("request.invalid_query", detail))
}

/// Path parameters; a malformed one (say, not a UUID) is a 400.
#[derive(Debug, Clone, Copy, Default)]
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Path(p.0))
            .map_err(|e| {
                ApiError::new(AppError::bad_request("request.invalid_path", e.body_text()))
            })
    }
}
