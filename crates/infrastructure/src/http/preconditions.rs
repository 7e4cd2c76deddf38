//! Optimistic concurrency over HTTP: `ETag: "<version>"` out, `If-Match` in.

use super::problem::ApiError;
use axum::{
    extract::FromRequestParts,
    http::{HeaderValue, header, request::Parts},
};
use sejour_core::AppError;

/// The `ETag` of a version: the version number, quoted (`"3"`).
pub fn etag(version: i32) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("\"0\""))
}

/// The documented shape of `If-Match`: `*`, or one version ETag, quoted or bare, weak or
/// strong (at most nine digits).
pub const IF_MATCH_PATTERN: &str = r#"^(\*|(W/)?("[0-9]{1,9}"|[0-9]{1,9}))$"#;

/// The version an `If-Match` header asks for: `None` when the header is absent or `*`
/// (no check). A malformed header, or a list of several tags, is a 400
/// `request.invalid_if_match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IfMatch(pub Option<i32>);

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let Some(value) = parts.headers.get(header::IF_MATCH) else {
            return Ok(IfMatch(None));
        };
        value
            .to_str()
            .ok()
            .and_then(parse_if_match)
            .map(IfMatch)
            .ok_or_else(|| {
                AppError::bad_request(
                    "request.invalid_if_match",
                    "If-Match must be one ETag this API returned, such as \"3\", or *.",
                )
                .into()
            })
    }
}

/// `Some(None)` for `*`, `Some(Some(v))` for `"v"` (also `W/"v"` or a bare `v`), `None`
/// when malformed.
fn parse_if_match(value: &str) -> Option<Option<i32>> {
    let value = value.trim();
    if value == "*" {
        return Some(None);
    }
    let tag = value.strip_prefix("W/").unwrap_or(value);
    let digits = tag
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(tag);
    // At most nine digits, as the OpenAPI document says (`IF_MATCH_PATTERN`).
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_match_reads_quoted_weak_bare_and_star_and_refuses_the_rest() {
        assert_eq!(parse_if_match("\"3\""), Some(Some(3)));
        assert_eq!(parse_if_match(" W/\"12\" "), Some(Some(12)));
        assert_eq!(parse_if_match("7"), Some(Some(7)));
        assert_eq!(parse_if_match("*"), Some(None));
        for bad in [
            "",
            "\"\"",
            "\"a\"",
            "\"1\", \"2\"",
            "\"-1\"",
            "\"99999999999\"",
        ] {
            assert_eq!(parse_if_match(bad), None, "{bad}");
        }
    }

    #[test]
    fn etag_quotes_the_version() {
        assert_eq!(etag(4), HeaderValue::from_static("\"4\""));
    }
}
