//! RFC 9457 problem details: the one error envelope of the API.

use axum::{
    Json,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use sejour_core::{AppError, ErrorKind, FieldError};
use serde::Serialize;
use utoipa::ToSchema;

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// A URI identifying the problem type: `urn:sejour:problem:<code>`.
    #[serde(rename = "type")]
    #[schema(example = "urn:sejour:problem:validation.failed")]
    pub problem_type: String,
    /// A short, human-readable summary of the problem type.
    #[schema(example = "Unprocessable Content")]
    pub title: String,
    /// The HTTP status code.
    #[schema(example = 422)]
    pub status: u16,
    /// A human-readable explanation of this occurrence.
    pub detail: String,
    /// A stable, machine-readable code to switch on.
    #[schema(example = "validation.failed")]
    pub code: String,
    /// Per-field problems (validation errors).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
}

/// One invalid field of a request.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProblemField {
    /// The field's path, e.g. `guest.email`.
    pub field: String,
    /// A stable code, e.g. `email.invalid_format`.
    pub code: String,
    /// A human explanation.
    pub message: String,
}

impl From<&FieldError> for ProblemField {
    fn from(e: &FieldError) -> Self {
        Self {
            field: e.field.clone(),
            code: e.code.to_string(),
            message: e.message.clone(),
        }
    }
}

impl Problem {
    /// A problem with `status`, `code` and `detail`.
    pub fn new(status: StatusCode, code: &str, detail: impl Into<String>) -> Self {
        Self {
            problem_type: format!("urn:sejour:problem:{code}"),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            code: code.to_owned(),
            errors: Vec::new(),
        }
    }

    /// The status as a `StatusCode`.
    pub fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.status_code();
        let mut response = (status, Json(self)).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        response
    }
}

/// An [`AppError`] on its way out as a problem response. Internal causes are logged here
/// and never shown.
#[derive(Debug)]
pub struct ApiError(pub AppError, Option<StatusCode>);

impl ApiError {
    /// Wraps an application error.
    pub fn new(err: AppError) -> Self {
        Self(err, None)
    }

    /// Overrides the status derived from the error's kind (413, 415 at the edge).
    pub fn with_status(mut self, status: StatusCode) -> Self {
        self.1 = Some(status);
        self
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        Self(e, None)
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        Self(crate::db::storage_error(e), None)
    }
}

/// The HTTP status for an error kind.
pub fn status_of(kind: ErrorKind) -> StatusCode {
    match kind {
        ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
        ErrorKind::Unauthenticated => StatusCode::UNAUTHORIZED,
        ErrorKind::Forbidden => StatusCode::FORBIDDEN,
        ErrorKind::NotFound => StatusCode::NOT_FOUND,
        ErrorKind::Conflict => StatusCode::CONFLICT,
        ErrorKind::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
        ErrorKind::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorKind::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
        ErrorKind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let err = self.0;
        if let Some(cause) = &err.internal {
            tracing::error!(code = %err.code, cause = %cause, "request failed");
        }
        let status = self.1.unwrap_or_else(|| status_of(err.kind));
        let mut problem = Problem::new(status, &err.code, err.message);
        problem.errors = err.errors.iter().map(ProblemField::from).collect();
        let mut response = problem.into_response();
        if let ErrorKind::RateLimited { retry_after_secs } = err.kind {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
        }
        if err.kind == ErrorKind::Unauthenticated {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// The problem for a status produced outside our handlers (unknown route, wrong method,
/// body too large, timeout, panic...).
pub fn for_status(status: StatusCode) -> Problem {
    let (code, detail) = match status {
        StatusCode::NOT_FOUND => ("route.not_found", "No such resource."),
        StatusCode::METHOD_NOT_ALLOWED => (
            "request.method_not_allowed",
            "This method is not allowed on this resource.",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => {
            ("request.body_too_large", "The request body is too large.")
        }
        StatusCode::REQUEST_TIMEOUT => ("request.timeout", "The request took too long to process."),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => (
            "request.unsupported_media_type",
            "The request's Content-Type is not supported here.",
        ),
        StatusCode::UNAUTHORIZED => ("auth.unauthenticated", "Authentication is required."),
        StatusCode::FORBIDDEN => ("auth.forbidden", "You are not allowed to do this."),
        StatusCode::TOO_MANY_REQUESTS => ("request.rate_limited", "Too many requests."),
        s if s.is_server_error() => ("internal", "An unexpected error occurred."),
        _ => ("request.invalid", "The request could not be processed."),
    };
    Problem::new(status, code, detail)
}
