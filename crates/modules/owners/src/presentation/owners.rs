//! `GET /owners`, `POST /owners`, `GET /owners/{id}`, `PATCH /owners/{id}`.

use axum::{
    extract::{OriginalUri, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use sejour_infrastructure::http::{
    ApiError, Json, Page, PageParams, Path, Query, RequestCtx, pagination::encode_cursor,
    problem::Problem,
};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{
    OwnersState,
    dto::{CreateOwnerRequest, OwnerDto, OwnerKindDto, OwnerResponse, UpdateOwnerRequest},
};
use crate::application::{
    commands::{create_owner::CreateOwnerCommand, update_owner::UpdateOwnerCommand},
    queries::list_owners::{ListOwnersQuery, OwnerCursor},
};
use sejour_infrastructure::http::preconditions::IfMatch;

/// Filters of the owner list; every given one must match.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct OwnerListParams {
    /// Only persons, or only companies.
    pub kind: Option<OwnerKindDto>,
    /// Text found in the names, legal name, email or SIRET (case-insensitive; `%` and
    /// `_` are plain characters).
    #[param(pattern = r"^[^\x00]*$")]
    pub q: Option<String>,
}

/// Lists owners, newest first: staff see every owner, an owner's account only its own
/// record.
#[utoipa::path(get, path = "/owners", operation_id = "listOwners", tag = "owners",
    params(OwnerListParams, PageParams),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "A page of owners", body = Page<OwnerDto>),
        (status = 400, description = "Bad parameters (limit, cursor, kind...)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A guest", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameters (`validation.failed`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_owners(
    State(state): State<OwnersState>,
    RequestCtx(ctx): RequestCtx,
    Query(filter): Query<OwnerListParams>,
    Query(page): Query<PageParams>,
) -> Result<Json<Page<OwnerDto>>, ApiError> {
    let query = ListOwnersQuery {
        kind: filter.kind.map(Into::into),
        q: filter.q,
        cursor: page.cursor::<OwnerCursor>()?,
        limit: Some(page.limit()?),
    };
    let found = state.list.handle(&ctx, query).await?;
    Ok(Json(Page {
        items: found
            .items
            .iter()
            .map(|owner| OwnerDto::for_viewer(owner, &ctx.actor))
            .collect(),
        next_cursor: found.next_cursor.as_ref().map(encode_cursor),
    }))
}

/// Records an owner: a person or a company, with contact details, IBAN and mandate
/// (admins and managers).
#[utoipa::path(post, path = "/owners", operation_id = "createOwner", tag = "owners",
    request_body = CreateOwnerRequest,
    security(("bearerAuth" = [])),
    responses(
        (status = 201, description = "Created", body = OwnerDto,
            headers(
                ("Location" = String, description = "The new owner's URL"),
                ("ETag" = String, description = "The version, quoted"),
            )),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither admin nor manager", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another owner has this SIRET (`owner.siret_taken`), or the user account stands for another owner (`owner.user_already_linked`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named (`validation.failed`: `siret`, `iban`, `address.postalCode`...), or a rule broken (`owner.iban_required_for_mandate`, `owner.vat_siren_mismatch`, `owner.user_not_owner_role`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_owner(
    State(state): State<OwnersState>,
    RequestCtx(ctx): RequestCtx,
    OriginalUri(uri): OriginalUri,
    Json(body): Json<CreateOwnerRequest>,
) -> Result<Response, ApiError> {
    let command = CreateOwnerCommand {
        kind: body.kind.into(),
        identity: body.identity(),
        email: body.email,
        phone: body.phone,
        address: body.address.into(),
        iban: body.iban,
        commission_basis_points: body.mandate.commission_basis_points,
        mandate_start_date: body.mandate.start_date,
        money_model: body.mandate.money_model.into(),
        user_id: body.user_id,
    };
    let id = state.create.handle(&ctx, command).await?;
    let owner = state.get.handle(&ctx, id).await?;
    let location = format!("{}/{id}", uri.path().trim_end_matches('/'));
    let response = OwnerResponse::for_viewer(&owner, &ctx.actor);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        response,
    )
        .into_response())
}

/// Shows an owner: staff see any owner; an owner's account only its own record (any
/// other is 404).
#[utoipa::path(get, path = "/owners/{id}", operation_id = "getOwner", tag = "owners",
    params(("id" = Uuid, Path, description = "The owner's id")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The owner", body = OwnerDto,
            headers(("ETag" = String, description = "The version, quoted: send it back in If-Match"))),
        (status = 400, description = "The id is not a UUID", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such owner, or not one you may see (`owner.not_found`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_owner(
    State(state): State<OwnersState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
) -> Result<OwnerResponse, ApiError> {
    let owner = state.get.handle(&ctx, id).await?;
    Ok(OwnerResponse::for_viewer(&owner, &ctx.actor))
}

/// Changes any of an owner's details, and links or unlinks their user account (admins
/// and managers).
#[utoipa::path(patch, path = "/owners/{id}", operation_id = "updateOwner", tag = "owners",
    request_body = UpdateOwnerRequest,
    params(
        ("id" = Uuid, Path, description = "The owner's id"),
        ("If-Match" = Option<String>, Header,
            description = "The ETag last read; the update is refused with 412 if the owner changed since"),
    ),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The updated owner", body = OwnerDto,
            headers(("ETag" = String, description = "The new version, quoted"))),
        (status = 400, description = "Malformed id, body or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither admin nor manager", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such owner (`owner.not_found`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another owner has this SIRET (`owner.siret_taken`), or the user account stands for another owner (`owner.user_already_linked`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The owner changed since it was read (`owner.version_mismatch`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named (`validation.failed`), or a rule broken (`owner.iban_required_for_mandate`, `owner.vat_siren_mismatch`, `owner.user_not_owner_role`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_owner(
    State(state): State<OwnersState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
    IfMatch(expected_version): IfMatch,
    Json(body): Json<UpdateOwnerRequest>,
) -> Result<OwnerResponse, ApiError> {
    let mandate = body.mandate.clone().unwrap_or_default();
    let command = UpdateOwnerCommand {
        owner_id: id,
        kind: body.kind.map(Into::into),
        identity: body.identity(),
        email: body.email,
        phone: body.phone,
        address: body.address.map(Into::into),
        iban: body.iban,
        commission_basis_points: mandate.commission_basis_points,
        mandate_start_date: mandate.start_date,
        money_model: mandate.money_model.map(Into::into),
        user_id: body.user_id,
        expected_version,
    };
    state.update.handle(&ctx, command).await?;
    let owner = state.get.handle(&ctx, id).await?;
    Ok(OwnerResponse::for_viewer(&owner, &ctx.actor))
}
