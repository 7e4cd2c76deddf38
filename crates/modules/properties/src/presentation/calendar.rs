//! The availability calendar at the edge: one property's (`GET /properties/{id}/calendar`,
//! public or detailed) and the board of many (`GET /calendar`, staff and owners).

use axum::extract::State;
use chrono::NaiveDate;
use sejour_infrastructure::http::{
    ApiError, Json, Page, PageParams, Path, Query, RequestCtx, problem::Problem,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::{
    PropertiesState,
    properties::{ManagedFilter, PropertySummaryDto},
};
use crate::{
    application::{
        access::View,
        queries::get_calendar::{get_calendar, get_calendar_board},
    },
    domain::calendar::{Occupation, OccupationKind},
};

/// Calendar window.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarWindow {
    /// First night (YYYY-MM-DD).
    #[param(value_type = String, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2026-07-01")]
    pub from: NaiveDate,
    /// Day after the last night (exclusive).
    #[param(value_type = String, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2026-09-01")]
    pub to: NaiveDate,
}

/// An occupied range of the calendar.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OccupiedRange {
    /// First night.
    #[schema(value_type = String, format = Date, example = "2026-07-04")]
    pub start: NaiveDate,
    /// Day after the last night (check-out day).
    #[schema(value_type = String, format = Date, example = "2026-07-11")]
    pub end: NaiveDate,
    /// Staff and owners: the block's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,
    /// Staff and owners: reservation, owner_stay, maintenance or imported.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<crate::presentation::schemas::OccupationKindSchema>)]
    pub kind: Option<String>,
    /// Staff and owners: the note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Staff and owners: the reservation holding a `reservation` range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reservation_id: Option<Uuid>,
}

impl OccupiedRange {
    /// The range as `view` may see it.
    fn seen(o: Occupation, view: View) -> Self {
        let full = view == View::Full;
        let reservation_id = match (full, o.kind) {
            (true, OccupationKind::Reservation) => {
                o.reference.as_deref().and_then(|r| r.parse().ok())
            }
            _ => None,
        };
        Self {
            start: o.dates.start(),
            end: o.dates.end(),
            id: full.then_some(o.id),
            kind: full.then(|| o.kind.as_str().to_owned()),
            note: if full { o.note } else { None },
            reservation_id,
        }
    }
}

/// The occupied ranges between two dates; the public sees only the ranges.
#[utoipa::path(get, path = "/properties/{id}/calendar", operation_id = "getCalendar", tag = "properties",
    params(("id" = Uuid, Path, description = "The property"), CalendarWindow),
    responses(
        (status = 200, description = "Occupied ranges, in date order", body = Vec<OccupiedRange>),
        (status = 404, description = "No such property", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A window longer than two years", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn calendar(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
    Query(window): Query<CalendarWindow>,
) -> Result<Json<Vec<OccupiedRange>>, ApiError> {
    let (occupations, view) =
        get_calendar(&state.app, &state.access, &ctx, id, window.from, window.to).await?;
    Ok(Json(
        occupations
            .into_iter()
            .map(|o| OccupiedRange::seen(o, view))
            .collect(),
    ))
}

/// A row of the calendar board.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PropertyCalendarDto {
    /// The property.
    pub property: PropertySummaryDto,
    /// Its occupied ranges overlapping the window, in date order, with details.
    pub occupations: Vec<OccupiedRange>,
}

/// The calendar board: a page of the back-office list of properties (staff: all, an
/// owner: theirs), each with its occupied ranges in the window, in one request.
#[utoipa::path(get, path = "/calendar", operation_id = "getCalendarBoard", tag = "properties",
    params(CalendarWindow, ManagedFilter, PageParams),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "A page of properties, newest first, with their calendars", body = Page<PropertyCalendarDto>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither staff nor an owner", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A window longer than two years", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn board(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Query(window): Query<CalendarWindow>,
    Query(filter): Query<ManagedFilter>,
    Query(page): Query<PageParams>,
) -> Result<Json<Page<PropertyCalendarDto>>, ApiError> {
    let rows = get_calendar_board(
        &state.app,
        &state.access,
        &ctx,
        filter.query(&page)?,
        window.from,
        window.to,
    )
    .await?;
    Ok(Json(
        Page::from_overfetch(rows, page.limit()?, |r| r.property.id).map(|r| PropertyCalendarDto {
            property: r.property.into(),
            occupations: r
                .occupations
                .into_iter()
                .map(|o| OccupiedRange::seen(o, View::Full))
                .collect(),
        }),
    ))
}
