//! iCal: the public `.ics` export (by secret token) and imported feeds.

use axum::{
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::{DateTime, Utc};
use sejour_infrastructure::http::{ApiError, Json, Path, Query, RequestCtx, problem::Problem};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::PropertiesState;
use crate::{
    application::{
        commands::{
            manage_feeds::{add_feed, remove_feed, rotate_ical_token},
            sync_feed::sync_feed,
        },
        queries::{export_calendar::export_calendar, get_property::get_property},
    },
    domain::calendar::Feed,
    infrastructure::ical::export::render_export,
};

/// The export's secret.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TokenParam {
    /// The property's calendar token.
    #[param(pattern = r"^[^\x00]*$")]
    pub token: String,
}

/// The `.ics` of a property's occupied ranges (RFC 5545, no guest data), for whoever
/// holds the property's calendar token (Airbnb, Booking.com import it).
#[utoipa::path(get, path = "/properties/{id}/calendar.ics", operation_id = "exportCalendar", tag = "properties",
    params(("id" = Uuid, Path, description = "The property"), TokenParam),
    responses(
        (status = 200, description = "The calendar", content_type = "text/calendar", body = String),
        (status = 404, description = "No such property, or a wrong token", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn export(
    State(state): State<PropertiesState>,
    Path(id): Path<Uuid>,
    Query(params): Query<TokenParam>,
) -> Result<Response, ApiError> {
    let ics = render_export(id, &export_calendar(&state.app, id, &params.token).await?);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        ics,
    )
        .into_response())
}

/// An imported calendar and its health.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FeedDto {
    /// Id.
    pub id: Uuid,
    /// Label.
    pub name: String,
    /// The other platform's export URL.
    pub url: String,
    /// When a sync was last tried.
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// When a sync last succeeded.
    pub last_success_at: Option<DateTime<Utc>>,
    /// The last failure, if the last attempt failed (the blocks keep their last state).
    pub last_error: Option<String>,
    /// Events not written at the last sync because they overlap another occupation.
    pub last_conflicts: i32,
    /// `ok`, `failing` or `never_synced`.
    pub health: &'static str,
}

impl From<Feed> for FeedDto {
    fn from(f: Feed) -> Self {
        let health = match (&f.last_error, f.last_success_at) {
            (Some(_), _) => "failing",
            (None, Some(_)) => "ok",
            (None, None) => "never_synced",
        };
        Self {
            id: f.id,
            name: f.name,
            url: f.url,
            last_attempt_at: f.last_attempt_at,
            last_success_at: f.last_success_at,
            last_error: f.last_error,
            last_conflicts: f.last_conflicts,
            health,
        }
    }
}

/// The property's iCal settings: feeds and their health.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IcalSettings {
    /// Imported calendars.
    pub feeds: Vec<FeedDto>,
}

/// Lists the imported calendars and their health (staff and owners).
#[utoipa::path(get, path = "/properties/{id}/ical/feeds", operation_id = "listIcalFeeds", tag = "properties",
    params(("id" = Uuid, Path, description = "The property")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "Feeds", body = IcalSettings),
        (status = 404, description = "No such property", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_feeds(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
) -> Result<Json<IcalSettings>, ApiError> {
    let (property, _) = get_property(&state.app, &state.access, &ctx, id).await?;
    state
        .access
        .require_full_view(&ctx.actor, &property)
        .await?;
    let feeds = state.app.feeds.list(id).await?;
    Ok(Json(IcalSettings {
        feeds: feeds.into_iter().map(FeedDto::from).collect(),
    }))
}

/// A calendar to import.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewFeed {
    /// Label, e.g. "Airbnb" (1–80 characters once trimmed).
    #[schema(value_type = super::schemas::text::FeedNameSchema)]
    pub name: String,
    /// The other platform's export URL (`http://` or `https://`).
    #[schema(value_type = super::schemas::text::FeedUrlSchema)]
    pub url: String,
}

/// Imports an external calendar (staff); synced by the scheduled job.
#[utoipa::path(post, path = "/properties/{id}/ical/feeds", operation_id = "createIcalFeed", tag = "properties", request_body = NewFeed,
    params(("id" = Uuid, Path, description = "The property")),
    security(("bearerAuth" = [])),
    responses(
        (status = 201, description = "Registered", body = FeedDto),
        (status = 404, description = "No such property", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already imported", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not an http(s) URL", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_feed(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
    Json(body): Json<NewFeed>,
) -> Result<(StatusCode, Json<FeedDto>), ApiError> {
    let feed = add_feed(&state.app, &state.access, &ctx, id, body.name, body.url).await?;
    Ok((StatusCode::CREATED, Json(feed.into())))
}

/// Stops importing a calendar and removes its blocks (staff).
#[utoipa::path(delete, path = "/properties/{id}/ical/feeds/{feed_id}", operation_id = "deleteIcalFeed", tag = "properties",
    params(("id" = Uuid, Path, description = "The property"), ("feed_id" = Uuid, Path, description = "The feed")),
    security(("bearerAuth" = [])),
    responses(
        (status = 204, description = "Removed"),
        (status = 404, description = "No such feed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_feed(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path((id, feed_id)): Path<(Uuid, Uuid)>,
) -> Result<StatusCode, ApiError> {
    remove_feed(&state.app, &state.access, &ctx, id, feed_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What a sync did.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SyncReportDto {
    /// Blocks written.
    pub inserted: usize,
    /// Blocks moved.
    pub updated: usize,
    /// Blocks removed.
    pub deleted: usize,
    /// Events not written because they overlap another occupation.
    pub conflicts: usize,
    /// Why it failed, if it did.
    pub error: Option<String>,
}

/// Syncs a feed now (staff).
#[utoipa::path(post, path = "/properties/{id}/ical/feeds/{feed_id}/sync", operation_id = "syncIcalFeed", tag = "properties",
    params(("id" = Uuid, Path, description = "The property"), ("feed_id" = Uuid, Path, description = "The feed")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "What the sync did", body = SyncReportDto),
        (status = 404, description = "No such feed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn sync_now(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path((id, feed_id)): Path<(Uuid, Uuid)>,
) -> Result<Json<SyncReportDto>, ApiError> {
    state.access.require_manager(&ctx.actor)?;
    let feed = state.app.feeds.find_by_id(feed_id).await?;
    if feed.as_ref().map(|f| f.property_id) != Some(id) {
        return Err(sejour_core::AppError::not_found("feed").into());
    }
    let report = sync_feed(&state.app, state.feeds.as_ref(), &ctx, feed_id)
        .await?
        .ok_or_else(|| sejour_core::AppError::not_found("feed"))?;
    Ok(Json(SyncReportDto {
        inserted: report.inserted,
        updated: report.updated,
        deleted: report.deleted,
        conflicts: report.conflicts,
        error: report.error,
    }))
}

/// The new export link.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExportLink {
    /// Give this path (on the API's host) to Airbnb, Booking.com...
    pub path: String,
}

/// Replaces the export's secret token (staff): the old link stops working.
#[utoipa::path(post, path = "/properties/{id}/ical/token", operation_id = "rotateIcalToken", tag = "properties",
    params(("id" = Uuid, Path, description = "The property")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The new export link", body = ExportLink),
        (status = 404, description = "No such property", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn rotate_token(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
) -> Result<Json<ExportLink>, ApiError> {
    let token = rotate_ical_token(&state.app, &state.access, &ctx, id).await?;
    Ok(Json(ExportLink {
        path: format!("/api/v1/properties/{id}/calendar.ics?token={token}"),
    }))
}
