//! The reservation endpoints.

use axum::{
    extract::{OriginalUri, State},
    http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;
use sejour_core::AppError;
use sejour_infrastructure::http::{
    ApiError, Json, Page, PageParams, Path, Query, RequestCtx,
    pagination::encode_cursor,
    preconditions::{IfMatch, etag},
    problem::Problem,
};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use utoipa::IntoParams;
use uuid::Uuid;

use super::{
    ReservationsState,
    dto::{
        CancelReservationRequest, CancellationPreviewDto, CreateReservationRequest, ReservationDto,
        ReservationEventDto, ReservationEventsDto, ReservationView, UpdateReservationRequest,
    },
};
use crate::{
    application::{
        access::View,
        commands::{
            cancel_reservation::{self, CancelReservationCommand},
            confirm_reservation::{self, ConfirmReservationCommand},
            create_reservation::{self, CreateReservationCommand, Created, IdempotencyKey},
            update_reservation::{self, UpdateReservationCommand},
        },
        queries::{
            ReservationCursor, ReservationsPage, get_customer_reservations, get_reservation,
            preview_cancellation as preview_query, reservation_events as events_query,
            search_reservations::{self, SearchReservationsQuery},
        },
    },
    domain::ReservationStatus,
};

/// The header a replayed create carries.
const REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");

/// The `Idempotency-Key` of a create, with the fingerprint of its body.
fn idempotency_key(
    headers: &HeaderMap,
    body: &CreateReservationRequest,
) -> Result<Option<IdempotencyKey>, AppError> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let key = value.to_str().unwrap_or_default();
    let canonical = serde_json::to_vec(body).map_err(AppError::internal)?;
    let hash = hex::encode(Sha256::digest(canonical));
    IdempotencyKey::new(key, hash).map(Some)
}

/// The response of a create (new or replayed): 201, Location, ETag.
fn created(uri: &OriginalUri, body: serde_json::Value, replayed: bool) -> Response {
    let id = body["id"].as_str().unwrap_or_default().to_owned();
    let version = body["version"]
        .as_i64()
        .and_then(|v| i32::try_from(v).ok())
        .unwrap_or(1);
    let location = format!("{}/{id}", uri.path().trim_end_matches('/'));
    let mut response = (
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(body),
    )
        .into_response();
    response.headers_mut().insert(header::ETAG, etag(version));
    if replayed {
        response
            .headers_mut()
            .insert(REPLAYED, HeaderValue::from_static("true"));
    }
    response
}

/// Books a stay: re-quotes it, holds its dates and stores the reservation as `pending`.
/// A guest books for themself; staff for anyone, and may set the total by hand.
///
/// With an `Idempotency-Key`, a retry of the same request returns the first response
/// (with `Idempotent-Replayed: true`) and books nothing more; the same key with another
/// body is refused.
#[utoipa::path(post, path = "/reservations", operation_id = "createReservation", tag = "reservations",
    request_body = CreateReservationRequest,
    params(("Idempotency-Key" = Option<String>, Header, pattern = "^[!-~]{1,255}$",
        description = "Any unique string (1–255 visible ASCII characters), e.g. a UUID; kept 24 hours")),
    security(("bearerAuth" = [])),
    responses(
        (status = 201, description = "Booked, pending", body = ReservationDto,
            headers(
                ("Location" = String, description = "The reservation's URL"),
                ("ETag" = String, description = "The version, quoted"),
                ("Idempotent-Replayed" = String, description = "`true` on a replayed response"),
            )),
        (status = 400, description = "Malformed body or Idempotency-Key (`idempotency.invalid_key`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An owner, or a guest setting the price or booking for someone else", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such property on sale (`property.not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The dates are taken (`reservation.period_unavailable`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named (`validation.failed`), the stay breaks the property's rules (`quote.minimum_stay`, `quote.capacity`, `quote.past_dates`, `quote.arrival_day`...), `reservation.manual_price_too_low`, `reservation.unknown_customer`, or `idempotency.key_reused`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_reservation(
    State(svc): State<ReservationsState>,
    RequestCtx(ctx): RequestCtx,
    uri: OriginalUri,
    headers: HeaderMap,
    Json(body): Json<CreateReservationRequest>,
) -> Result<Response, ApiError> {
    let idempotency = idempotency_key(&headers, &body)?;
    let command = CreateReservationCommand {
        property_id: body.property_id,
        check_in: body.check_in,
        check_out: body.check_out,
        adults: body.adults,
        children_ages: body.children,
        guest: body.guest.into(),
        notes: body.notes,
        customer_id: body.customer_id,
        manual_total: body.manual_total,
        idempotency,
    };
    let render = |r: &crate::domain::Reservation, quote: &serde_json::Value| {
        serde_json::to_value(ReservationDto::full(r, quote)).unwrap_or_default()
    };
    Ok(
        match create_reservation::create_reservation(&svc, &ctx, command, &render).await? {
            Created::New { response, .. } => created(&uri, response, false),
            Created::Replayed(response) => created(&uri, response, true),
        },
    )
}

/// Filters of the reservation search; every given one must match.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ReservationSearchParams {
    /// Of this property.
    pub property_id: Option<Uuid>,
    /// Of this owner's properties (staff).
    pub owner_id: Option<Uuid>,
    /// `pending`, `confirmed`, `completed` or `cancelled`.
    #[param(value_type = Option<crate::presentation::schemas::ReservationStatusSchema>)]
    pub status: Option<String>,
    /// Staying on or after this day (departure after it).
    pub from: Option<NaiveDate>,
    /// Arriving before this day.
    pub to: Option<NaiveDate>,
    /// Text in the guest's names or email (staff; case-insensitive, literal).
    #[param(pattern = r"^[^\x00]*$")]
    pub q: Option<String>,
}

fn page(
    found: ReservationsPage,
    view: impl Fn(&crate::application::Record) -> View,
) -> Page<ReservationView> {
    Page {
        items: found
            .items
            .iter()
            .map(|r| ReservationView::of(r, view(r)))
            .collect(),
        next_cursor: found.next_cursor.as_ref().map(encode_cursor),
    }
}

/// Searches reservations, newest first: staff see all (whole); owners those of their
/// properties (reduced: first name, number of guests, dates, status).
#[utoipa::path(get, path = "/reservations", operation_id = "searchReservations", tag = "reservations",
    params(ReservationSearchParams, PageParams),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "A page of reservations", body = Page<ReservationView>),
        (status = 400, description = "Bad parameters (limit, cursor, dates, ids...)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A guest (see /me/reservations), or an owner searching guests by name", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameters (`validation.failed`: `status`, `q`, `to`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn search_reservations(
    State(svc): State<ReservationsState>,
    RequestCtx(ctx): RequestCtx,
    Query(filter): Query<ReservationSearchParams>,
    Query(paging): Query<PageParams>,
) -> Result<Json<Page<ReservationView>>, ApiError> {
    let status = match filter.status.as_deref() {
        Some(name) => Some(ReservationStatus::parse(name).ok_or_else(|| {
            AppError::validation(vec![sejour_core::FieldError::new(
                "status",
                "reservations.invalid_status",
                "status must be pending, confirmed, completed or cancelled",
            )])
        })?),
        None => None,
    };
    let query = SearchReservationsQuery {
        property_id: filter.property_id,
        owner_id: filter.owner_id,
        status,
        from: filter.from,
        to: filter.to,
        q: filter.q,
        cursor: paging.cursor::<ReservationCursor>()?,
        limit: Some(paging.limit()?),
    };
    let found = search_reservations::search_reservations(&svc, &ctx, query).await?;
    let staff = matches!(&ctx.actor, sejour_core::Actor::User { role, .. } if role.is_staff());
    Ok(Json(page(found, |_| {
        if staff { View::Full } else { View::Owner }
    })))
}

/// The signed-in user's own reservations, newest first.
#[utoipa::path(get, path = "/me/reservations", operation_id = "listMyReservations", tag = "reservations",
    params(PageParams),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "A page of your reservations", body = Page<ReservationDto>),
        (status = 400, description = "Bad limit or cursor", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn my_reservations(
    State(svc): State<ReservationsState>,
    RequestCtx(ctx): RequestCtx,
    Query(paging): Query<PageParams>,
) -> Result<Json<Page<ReservationView>>, ApiError> {
    let found = get_customer_reservations::get_customer_reservations(
        &svc,
        &ctx,
        paging.cursor::<ReservationCursor>()?,
        Some(paging.limit()?),
    )
    .await?;
    Ok(Json(page(found, |_| View::Full)))
}

/// Shows a reservation: whole to staff and the guest who booked, reduced to an owner of
/// the property; 404 to anyone else.
#[utoipa::path(get, path = "/reservations/{id}", operation_id = "getReservation", tag = "reservations",
    params(("id" = Uuid, Path, description = "The reservation's id")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The reservation", body = ReservationView,
            headers(("ETag" = String, description = "The version, quoted: send it back in If-Match"))),
        (status = 400, description = "The id is not a UUID", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such reservation, or not yours to see (`reservation.not_found`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_reservation(
    State(svc): State<ReservationsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
) -> Result<ReservationView, ApiError> {
    reread(&svc, &ctx, id).await
}

/// The reservation, as the caller sees it (after a change, too).
async fn reread(
    svc: &ReservationsState,
    ctx: &sejour_core::Ctx,
    id: Uuid,
) -> Result<ReservationView, ApiError> {
    let (record, view) = get_reservation::get_reservation(svc, ctx, id).await?;
    Ok(ReservationView::of(&record, view))
}

/// Changes the dates, occupants, guest details or notes of an active reservation before
/// check-in. New dates or occupants are re-quoted; new dates are re-held atomically.
#[utoipa::path(patch, path = "/reservations/{id}", operation_id = "updateReservation", tag = "reservations",
    request_body = UpdateReservationRequest,
    params(
        ("id" = Uuid, Path, description = "The reservation's id"),
        ("If-Match" = Option<String>, Header,
            description = "The ETag last read; refused with 412 if the reservation changed since"),
    ),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The updated reservation", body = ReservationDto,
            headers(("ETag" = String, description = "The new version, quoted"))),
        (status = 400, description = "Malformed id, body or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An owner, or a guest setting the price", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such reservation, or not yours (`reservation.not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Cancelled or completed (`reservation.invalid_transition`), or the new dates are taken (`reservation.period_unavailable`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since read (`reservation.version_mismatch`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`validation.failed`), the stay has begun (`reservation.stay_started`), or the quote's rules (`quote.*`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_reservation(
    State(svc): State<ReservationsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
    IfMatch(expected_version): IfMatch,
    Json(body): Json<UpdateReservationRequest>,
) -> Result<ReservationView, ApiError> {
    let command = UpdateReservationCommand {
        reservation_id: id,
        check_in: body.check_in,
        check_out: body.check_out,
        adults: body.adults,
        children_ages: body.children,
        guest: body.guest.map(Into::into),
        notes: body.notes,
        manual_total: body.manual_total,
        expected_version,
    };
    update_reservation::update_reservation(&svc, &ctx, command).await?;
    reread(&svc, &ctx, id).await
}

/// Confirms a pending reservation (staff).
#[utoipa::path(post, path = "/reservations/{id}/confirm", operation_id = "confirmReservation", tag = "reservations",
    params(
        ("id" = Uuid, Path, description = "The reservation's id"),
        ("If-Match" = Option<String>, Header, description = "The ETag last read (optional)"),
    ),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The confirmed reservation", body = ReservationDto),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such reservation (`reservation.not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not pending (`reservation.invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since read (`reservation.version_mismatch`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn confirm_reservation(
    State(svc): State<ReservationsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
    IfMatch(expected_version): IfMatch,
) -> Result<ReservationView, ApiError> {
    let command = ConfirmReservationCommand {
        reservation_id: id,
        expected_version,
    };
    confirm_reservation::confirm_reservation(&svc, &ctx, command).await?;
    reread(&svc, &ctx, id).await
}

/// Cancels a pending or confirmed reservation (the guest who booked, or staff): the dates
/// are freed and the refund due under the cancellation policy is recorded.
#[utoipa::path(post, path = "/reservations/{id}/cancel", operation_id = "cancelReservation", tag = "reservations",
    request_body = CancelReservationRequest,
    params(
        ("id" = Uuid, Path, description = "The reservation's id"),
        ("If-Match" = Option<String>, Header, description = "The ETag last read (optional)"),
    ),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The cancelled reservation", body = ReservationDto),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An owner of the property", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such reservation, or not yours (`reservation.not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already cancelled or completed (`reservation.invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since read (`reservation.version_mismatch`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason, or too long (`reservation.reason_required`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn cancel_reservation(
    State(svc): State<ReservationsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
    IfMatch(expected_version): IfMatch,
    Json(body): Json<CancelReservationRequest>,
) -> Result<ReservationView, ApiError> {
    let command = CancelReservationCommand {
        reservation_id: id,
        reason: body.reason,
        expected_version,
    };
    cancel_reservation::cancel_reservation(&svc, &ctx, command).await?;
    reread(&svc, &ctx, id).await
}

/// What cancelling this booking today would refund under its cancellation policy, so that
/// the guest (or staff) sees it before deciding. Nothing changes.
#[utoipa::path(get, path = "/reservations/{id}/cancellation", operation_id = "previewCancellation", tag = "reservations",
    params(("id" = Uuid, Path, description = "The reservation's id")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The refund if cancelled today", body = CancellationPreviewDto),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An owner of the property (they may read, not act)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such reservation, or not yours (`reservation.not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already cancelled or completed (`reservation.invalid_transition`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn preview_cancellation(
    State(svc): State<ReservationsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
) -> Result<Json<CancellationPreviewDto>, ApiError> {
    let preview = preview_query::preview_cancellation(&svc, &ctx, id).await?;
    Ok(Json(CancellationPreviewDto {
        refund_due: preview.refund_due,
        policy: preview.policy,
        as_of: preview.as_of,
    }))
}

/// The timeline of a reservation's events (created, updated, confirmed, cancelled,
/// completed), oldest first. Recorded by a consumer of the outbox: an event appears
/// within moments of the change.
#[utoipa::path(get, path = "/reservations/{id}/events", operation_id = "listReservationEvents", tag = "reservations",
    params(("id" = Uuid, Path, description = "The reservation's id")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The events", body = ReservationEventsDto),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such reservation, or not yours to see (`reservation.not_found`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn reservation_events(
    State(svc): State<ReservationsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
) -> Result<Json<ReservationEventsDto>, ApiError> {
    let entries = events_query::reservation_events(&svc, &ctx, id).await?;
    Ok(Json(ReservationEventsDto {
        items: entries.into_iter().map(ReservationEventDto::from).collect(),
    }))
}
