//! The operations the OpenAPI document marks as needing a bearer token answer 401 to a
//! request without an `Authorization` header before anything else reads the request, so
//! an anonymous caller learns "sign in" rather than which of its parameters is wrong.

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    http::{Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use sejour_core::AppError;

use super::problem::ApiError;

/// One documented operation: its method, its path template's segments and whether it
/// declares a security requirement.
#[derive(Debug, Clone)]
struct Route {
    method: Method,
    segments: Vec<Option<String>>,
    secured: bool,
}

/// The documented operations, for [`require_bearer`].
#[derive(Debug, Clone, Default)]
pub struct SecuredRoutes(Arc<Vec<Route>>);

impl SecuredRoutes {
    /// The operations of `doc`.
    pub fn from_openapi(doc: &utoipa::openapi::OpenApi) -> Self {
        let mut routes = Vec::new();
        for (path, item) in &doc.paths.paths {
            let segments: Vec<Option<String>> = path
                .split('/')
                .map(|s| (!s.starts_with('{')).then(|| s.to_owned()))
                .collect();
            for (method, op) in [
                (Method::GET, &item.get),
                (Method::POST, &item.post),
                (Method::PUT, &item.put),
                (Method::PATCH, &item.patch),
                (Method::DELETE, &item.delete),
            ] {
                if let Some(op) = op {
                    let secured = op.security.as_ref().is_some_and(|requirements| {
                        requirements.iter().any(|r| {
                            serde_json::to_value(r)
                                .ok()
                                .and_then(|v| v.as_object().map(|o| !o.is_empty()))
                                .unwrap_or(false)
                        })
                    });
                    routes.push(Route {
                        method,
                        segments: segments.clone(),
                        secured,
                    });
                }
            }
        }
        Self(Arc::new(routes))
    }

    /// Whether the operation `method path` routes to is documented as secured (the most
    /// specific template wins, as in the router).
    fn is_secured(&self, method: &Method, path: &str) -> bool {
        let parts: Vec<&str> = path.split('/').collect();
        self.0
            .iter()
            .filter(|r| r.method == *method && r.segments.len() == parts.len())
            .filter(|r| {
                r.segments.iter().zip(&parts).all(|(s, p)| match s {
                    Some(s) => s == p,
                    None => !p.is_empty(),
                })
            })
            .max_by_key(|r| r.segments.iter().filter(|s| s.is_some()).count())
            .is_some_and(|r| r.secured)
    }
}

/// 401 `auth.unauthenticated` for a request without `Authorization` to a secured
/// operation.
pub async fn require_bearer(
    State(routes): State<SecuredRoutes>,
    request: Request,
    next: Next,
) -> Response {
    if !request.headers().contains_key(header::AUTHORIZATION)
        && routes.is_secured(request.method(), request.uri().path())
    {
        return ApiError::from(AppError::unauthenticated("Sign in to do this.")).into_response();
    }
    next.run(request).await
}
