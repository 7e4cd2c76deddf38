//! `GET /api/v1/admin/dead-letters`, `GET .../{id}`, `POST .../{id}/replay`.

use axum::{extract::State, http::StatusCode};
use chrono::{DateTime, Utc};
use sejour_core::AppError;
use sejour_infrastructure::{
    http::{ApiError, Json, Page, PageParams, Path, Query, RequestCtx, problem::Problem},
    queue::dead_letters::DeadLetter,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::AdminState;

/// Filters of the dead-letter list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct DeadLetterFilter {
    /// Only this consumer's.
    #[param(pattern = r"^[^\x00]*$")]
    pub consumer: Option<String>,
}

/// The outcome of a replay.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReplayAccepted {
    /// The delivery's id.
    pub id: i64,
    /// Its new status.
    pub status: ReplayStatus,
}

/// What a replayed delivery becomes.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ReplayStatus {
    /// Waiting for a worker again.
    Pending,
}

/// Lists dead letters, most recent first.
#[utoipa::path(get, path = "/dead-letters", operation_id = "listDeadLetters", tag = "administration",
    params(DeadLetterFilter, PageParams),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "A page of dead letters", body = Page<DeadLetter>),
        (status = 400, description = "Bad parameters", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No or bad token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_dead_letters(
    State(state): State<AdminState>,
    Query(filter): Query<DeadLetterFilter>,
    Query(page): Query<PageParams>,
) -> Result<Json<Page<DeadLetter>>, ApiError> {
    let limit = page.limit()?;
    let after: Option<(DateTime<Utc>, i64)> = page.cursor()?;
    let rows = state
        .dead_letters
        .list(filter.consumer.as_deref(), after, i64::from(limit) + 1)
        .await?;
    Ok(Json(Page::from_overfetch(rows, limit, |d| {
        (d.dead_since, d.id)
    })))
}

/// Shows one dead letter.
#[utoipa::path(get, path = "/dead-letters/{id}", operation_id = "getDeadLetter", tag = "administration",
    params(("id" = i64, Path, description = "The delivery's id")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The dead letter", body = DeadLetter),
        (status = 400, description = "The id is not a number", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No or bad token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dead letter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_dead_letter(
    State(state): State<AdminState>,
    Path(id): Path<i64>,
) -> Result<Json<DeadLetter>, ApiError> {
    state
        .dead_letters
        .get(id)
        .await?
        .map(Json)
        .ok_or_else(|| AppError::not_found("dead_letter").into())
}

/// Puts a dead letter back in the queue with a fresh budget of attempts (audited).
#[utoipa::path(post, path = "/dead-letters/{id}/replay", operation_id = "replayDeadLetter", tag = "administration",
    params(("id" = i64, Path, description = "The delivery's id")),
    security(("bearerAuth" = [])),
    responses(
        (status = 202, description = "Queued again", body = ReplayAccepted),
        (status = 400, description = "The id is not a number", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No or bad token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dead letter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn replay(
    State(state): State<AdminState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<i64>,
) -> Result<(StatusCode, Json<ReplayAccepted>), ApiError> {
    state.replay_dead_letter.handle(&ctx, id).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(ReplayAccepted {
            id,
            status: ReplayStatus::Pending,
        }),
    ))
}
