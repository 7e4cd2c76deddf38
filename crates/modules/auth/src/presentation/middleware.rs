//! `authenticate`: runs before every API handler.

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::Response,
};
use sejour_infrastructure::http::{ApiError, context::bearer_token};
use uuid::Uuid;

use crate::application::{Auth, queries::authenticate::authenticate as check};

/// The session of the request's access token (set by [`authenticate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrentSession(pub Uuid);

/// Without an `Authorization` header the request goes on anonymous; with a valid bearer
/// token it goes on as that user (current role), with its session; with an invalid one
/// it is refused with 401.
pub async fn authenticate(
    State(auth): State<Arc<Auth>>,
    mut request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let Some(token) = bearer_token(request.headers()).map(str::to_owned) else {
        return Ok(next.run(request).await);
    };
    let who = check(&auth, &token).await?;
    request.extensions_mut().insert(who.actor);
    request
        .extensions_mut()
        .insert(CurrentSession(who.session_id));
    Ok(next.run(request).await)
}
