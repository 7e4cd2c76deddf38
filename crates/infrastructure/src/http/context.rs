//! The request context extractor and the interim admin-token guard.

use std::net::SocketAddr;

use axum::{
    extract::{ConnectInfo, FromRequestParts, Request, State},
    http::{HeaderMap, header, request::Parts},
    middleware::Next,
    response::Response,
};
use secrecy::{ExposeSecret, SecretString};
use sejour_core::{Actor, AppError, Ctx};
use tower_http::request_id::RequestId;

use super::problem::ApiError;

/// The [`Ctx`] of this request: actor (set by authentication, else anonymous), request
/// id, client IP.
#[derive(Debug, Clone)]
pub struct RequestCtx(pub Ctx);

impl<S: Send + Sync> FromRequestParts<S> for RequestCtx {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let request_id = parts
            .extensions
            .get::<RequestId>()
            .and_then(|id| id.header_value().to_str().ok())
            .map(str::to_owned)
            .unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip());
        let actor = parts
            .extensions
            .get::<Actor>()
            .cloned()
            .unwrap_or(Actor::Anonymous);
        Ok(RequestCtx(Ctx {
            actor,
            correlation_id: request_id.clone(),
            request_id,
            ip,
            causation_id: None,
        }))
    }
}

/// The bearer token of a request, if any.
pub fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// Compares two secrets in time independent of where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Middleware guarding `/api/v1/admin/*` with `SEJOUR_ADMIN_TOKEN` until user roles
/// exist. Without a configured token the admin API is closed.
pub async fn require_admin_token(
    State(token): State<Option<SecretString>>,
    mut request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let Some(expected) = token else {
        return Err(AppError::forbidden().into());
    };
    match bearer_token(request.headers()) {
        Some(given) if constant_time_eq(given.as_bytes(), expected.expose_secret().as_bytes()) => {
            request.extensions_mut().insert(Actor::AdminToken);
            Ok(next.run(request).await)
        }
        Some(_) => Err(AppError::unauthenticated("The bearer token is not valid.").into()),
        None => Err(AppError::unauthenticated("A bearer token is required.").into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_time_eq_compares_content_and_length() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret2"));
    }

    #[test]
    fn bearer_token_reads_the_authorization_header() {
        let mut headers = HeaderMap::new();
        assert_eq!(bearer_token(&headers), None);
        headers.insert(
            header::AUTHORIZATION,
            "Bearer abc".parse().unwrap_or_else(|_| unreachable!()),
        );
        assert_eq!(bearer_token(&headers), Some("abc"));
        headers.insert(
            header::AUTHORIZATION,
            "Basic abc".parse().unwrap_or_else(|_| unreachable!()),
        );
        assert_eq!(bearer_token(&headers), None);
    }
}
