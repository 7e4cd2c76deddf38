//! The error taxonomy every context maps its errors onto.
//!
//! Each context's domain returns its own `thiserror` enum; at the application boundary
//! those become an [`AppError`] with a [`ErrorKind`] (which the HTTP edge turns into a
//! status) and a stable dotted `code` (which clients switch on).

use std::borrow::Cow;

/// What went wrong, independent of transport. The HTTP edge maps each to one status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The request could not be understood (malformed syntax): 400.
    BadRequest,
    /// No valid credentials: 401.
    Unauthenticated,
    /// Authenticated but not allowed: 403.
    Forbidden,
    /// No such object, or one the caller may not see: 404.
    NotFound,
    /// The request conflicts with current state (duplicate, taken dates): 409.
    Conflict,
    /// A stale version was presented (`If-Match`): 412.
    PreconditionFailed,
    /// Well-formed input that breaks a business rule or field validation: 422.
    Unprocessable,
    /// Too many requests; retry after the given number of seconds: 429.
    RateLimited { retry_after_secs: u64 },
    /// A dependency is down: 503.
    Unavailable,
    /// A bug or an unexpected failure; details are logged, never shown: 500.
    Internal,
}

/// One invalid input field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's JSON pointer-ish name, e.g. `guest.email`.
    pub field: String,
    /// A stable code for the problem, e.g. `email.invalid`.
    pub code: Cow<'static, str>,
    /// A human explanation.
    pub message: String,
}

impl FieldError {
    /// An error on `field`.
    pub fn new(
        field: impl Into<String>,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

/// An application error: a kind, a stable code, a message safe to show, field errors.
///
/// Internal errors carry their cause in `internal` for the logs; it is never shown.
#[derive(Debug, thiserror::Error)]
#[error("{code}: {message}")]
pub struct AppError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// A stable dotted code, e.g. `reservation.period_unavailable`.
    pub code: Cow<'static, str>,
    /// A message safe to show to the caller.
    pub message: String,
    /// Per-field problems, for validation errors.
    pub errors: Vec<FieldError>,
    /// The hidden cause of an internal error, for logs only.
    pub internal: Option<String>,
}

impl AppError {
    /// An error of `kind` with `code` and `message`.
    pub fn new(
        kind: ErrorKind,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            kind,
            code: code.into(),
            message: message.into(),
            errors: Vec::new(),
            internal: None,
        }
    }

    /// 400 with `code`.
    pub fn bad_request(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::BadRequest, code, message)
    }

    /// 404 for `what` (e.g. `reservation`): code `<what>.not_found`.
    pub fn not_found(what: &str) -> Self {
        Self::new(
            ErrorKind::NotFound,
            format!("{what}.not_found"),
            format!("No such {what}."),
        )
    }

    /// 412 `<what>.version_mismatch`: the caller's version (`If-Match`) is stale.
    pub fn stale_version(what: &str) -> Self {
        Self::new(
            ErrorKind::PreconditionFailed,
            format!("{what}.version_mismatch"),
            format!("The {what} was changed since you read it; read it again and retry."),
        )
    }

    /// 409 with `code`.
    pub fn conflict(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Conflict, code, message)
    }

    /// 422: a business rule was broken.
    pub fn rule(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Unprocessable, code, message)
    }

    /// 422 `validation.failed` listing every invalid field.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let mut err = Self::new(
            ErrorKind::Unprocessable,
            "validation.failed",
            "The request has invalid fields.",
        );
        err.errors = errors;
        err
    }

    /// 401.
    pub fn unauthenticated(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Unauthenticated, "auth.unauthenticated", message)
    }

    /// 403.
    pub fn forbidden() -> Self {
        Self::new(
            ErrorKind::Forbidden,
            "auth.forbidden",
            "You are not allowed to do this.",
        )
    }

    /// 500; `cause` goes to the logs only.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        let mut err = Self::new(
            ErrorKind::Internal,
            "internal",
            "An unexpected error occurred.",
        );
        err.internal = Some(cause.to_string());
        err
    }

    /// 503; `cause` goes to the logs only.
    pub fn unavailable(cause: impl std::fmt::Display) -> Self {
        let mut err = Self::new(
            ErrorKind::Unavailable,
            "service.unavailable",
            "A dependency is unavailable; try again shortly.",
        );
        err.internal = Some(cause.to_string());
        err
    }
}

/// 412 `<what>.version_mismatch` unless `expected` (from `If-Match`), when given, is
/// `current`.
pub fn ensure_version(what: &str, current: i32, expected: Option<i32>) -> Result<(), AppError> {
    match expected {
        Some(version) if version != current => Err(AppError::stale_version(what)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_version_is_a_412_named_after_the_object() {
        let err = AppError::stale_version("reservation");
        assert_eq!(err.kind, ErrorKind::PreconditionFailed);
        assert_eq!(err.code, "reservation.version_mismatch");
        assert!(ensure_version("user", 3, Some(2)).is_err());
        assert!(ensure_version("user", 3, Some(3)).is_ok());
        assert!(ensure_version("user", 3, None).is_ok());
    }

    #[test]
    fn validation_error_lists_fields_under_a_stable_code() {
        let err = AppError::validation(vec![FieldError::new("email", "email.invalid", "bad")]);
        assert_eq!(err.kind, ErrorKind::Unprocessable);
        assert_eq!(err.code, "validation.failed");
        assert_eq!(err.errors.len(), 1);
    }

    #[test]
    fn internal_error_hides_its_cause_from_the_message() {
        let err = AppError::internal("relation \"x\" does not exist");
        assert!(!err.message.contains("relation"));
        assert_eq!(
            err.internal.as_deref(),
            Some("relation \"x\" does not exist")
        );
    }
}
