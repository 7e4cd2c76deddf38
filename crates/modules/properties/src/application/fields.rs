//! Turning domain rule errors into field errors.

use sejour_core::{AppError, FieldError};

use crate::domain::PropertyError;

/// A field error for `field` from a broken rule.
pub fn rule_error(field: &str, e: &PropertyError) -> FieldError {
    FieldError::new(field, e.code(), e.to_string())
}

/// A 422 for a broken rule of the whole aggregate.
pub fn rule_violation(e: &PropertyError) -> AppError {
    AppError::rule(e.code(), e.to_string())
}
