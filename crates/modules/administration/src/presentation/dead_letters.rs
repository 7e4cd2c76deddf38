//! `GET /api/v1/admin/dead-letters`, `GET .../{id}`, `POST .../{id}/replay`.

use axum::{extract::State, http::StatusCode};
use chrono::{DateTime, Utc};
use sejour_core::AppError;
use sejour_infrastructure::{
    http::{ApiError, Json, Page, PageParams, Path, Query, RequestCtx, problem::Problem},
    queue::dead_letters::{self, DeadLetter},
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::AdminState;
use crate::application::commands::replay_dead_letter::replay_dead_letter;

/// A delivery that exhausted its attempts.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeadLetterDto {
    /// The delivery's id (use it to replay).
    pub id: i64,
    /// The consumer that failed.
    pub consumer: String,
    /// Attempts made.
    pub attempts: i32,
    /// The last error.
    pub last_error: Option<String>,
    /// When it was dead-lettered.
    pub dead_since: DateTime<Utc>,
    /// The message's id.
    pub message_id: Uuid,
    /// `event` or `job`.
    pub message_kind: String,
    /// Event type or job name.
    pub message_type: String,
    /// The message's payload.
    pub payload: serde_json::Value,
    /// When the message was written.
    pub occurred_at: DateTime<Utc>,
    /// The correlation id of the request that caused it.
    pub correlation_id: Option<String>,
}

impl From<DeadLetter> for DeadLetterDto {
    fn from(d: DeadLetter) -> Self {
        Self {
            id: d.id,
            consumer: d.consumer,
            attempts: d.attempts,
            last_error: d.last_error,
            dead_since: d.dead_since,
            message_id: d.message_id,
            message_kind: d.message_kind,
            message_type: d.message_type,
            payload: d.payload,
            occurred_at: d.occurred_at,
            correlation_id: d.correlation_id,
        }
    }
}

/// Filters of the dead-letter list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct DeadLetterFilter {
    /// Only this consumer's.
    pub consumer: Option<String>,
}

/// The outcome of a replay.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReplayAccepted {
    /// The delivery's id.
    pub id: i64,
    /// Its new status: `pending`.
    pub status: &'static str,
}

/// Lists dead letters, most recent first.
#[utoipa::path(get, path = "/dead-letters", tag = "administration",
    params(DeadLetterFilter, PageParams),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "A page of dead letters", body = Page<DeadLetterDto>),
        (status = 400, description = "Bad parameters", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No or bad token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_dead_letters(
    State(state): State<AdminState>,
    Query(filter): Query<DeadLetterFilter>,
    Query(page): Query<PageParams>,
) -> Result<Json<Page<DeadLetterDto>>, ApiError> {
    let limit = page.limit()?;
    let after: Option<(DateTime<Utc>, i64)> = page.cursor()?;
    let rows = dead_letters::list(
        &state.pool,
        filter.consumer.as_deref(),
        after,
        i64::from(limit) + 1,
    )
    .await?;
    Ok(Json(
        Page::from_overfetch(rows, limit, |d| (d.dead_since, d.id)).map(DeadLetterDto::from),
    ))
}

/// Shows one dead letter.
#[utoipa::path(get, path = "/dead-letters/{id}", tag = "administration",
    params(("id" = i64, Path, description = "The delivery's id")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The dead letter", body = DeadLetterDto),
        (status = 400, description = "The id is not a number", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No or bad token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dead letter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_dead_letter(
    State(state): State<AdminState>,
    Path(id): Path<i64>,
) -> Result<Json<DeadLetterDto>, ApiError> {
    dead_letters::get(&state.pool, id)
        .await?
        .map(|d| Json(d.into()))
        .ok_or_else(|| AppError::not_found("dead_letter").into())
}

/// Puts a dead letter back in the queue with a fresh budget of attempts (audited).
#[utoipa::path(post, path = "/dead-letters/{id}/replay", tag = "administration",
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
    replay_dead_letter(
        &state.pool,
        state.clock.as_ref(),
        state.ids.as_ref(),
        &ctx,
        id,
    )
    .await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(ReplayAccepted {
            id,
            status: "pending",
        }),
    ))
}
