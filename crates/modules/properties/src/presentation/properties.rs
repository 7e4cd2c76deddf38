//! `/properties` back-office routes: create, read, update, status, calendar blocks.

use axum::{
    extract::{OriginalUri, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
};
use chrono::{NaiveDate, NaiveTime};
use sejour_core::{
    AppError,
    value_objects::{DateRange, PostalAddress},
};
use sejour_infrastructure::http::preconditions::{IfMatch, etag};
use sejour_infrastructure::http::{
    ApiError, Json, Page, PageParams, Path, Query, RequestCtx, problem::Problem,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::{
    PropertiesState,
    dto::{CapacityDto, CoordinatesDto, DescriptionsDto, OwnerShareDto, PropertyDto},
    photos::photo_dtos,
    schemas::text::{PropertyNameSchema, RegistrationNumberSchema},
};
use crate::{
    application::{
        commands::{
            block_dates::{BlockDatesCommand, block_dates, release_block},
            change_status::{StatusChange, change_status},
            create_property::{CreatePropertyCommand, create_property},
            update_property::{UpdatePropertyCommand, update_property},
        },
        queries::{
            get_property::get_property,
            list_properties::{ListPropertiesQuery, PropertySummary, list_properties},
        },
    },
    domain::{
        amenity::Amenity,
        calendar::OccupationKind,
        pricing::{RatePlan, TouristTaxConfig},
        property::{PropertyKind, PropertyStatus},
    },
};

/// A new property.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "name": "Villa Les Oliviers",
    "kind": "villa",
    "address": {"line1": "12 chemin des Oliviers", "postalCode": "06000", "city": "Nice", "country": "FR"},
    "coordinates": {"lat": 43.7034, "lng": 7.2663},
    "capacity": {"maxGuests": 6, "bedrooms": 3, "beds": 4, "bathrooms": 2},
    "floorAreaM2": 140,
    "registrationNumber": "06088 000123 AB",
    "descriptions": {"fr": "Villa avec piscine.", "en": "Villa with a pool."},
    "amenities": ["pool", "wifi"]
}))]
pub struct CreatePropertyRequest {
    /// Name (1–120 characters once trimmed).
    #[schema(value_type = PropertyNameSchema)]
    pub name: String,
    /// Kind: house, apartment, villa, chalet, gite, studio, room, other.
    #[schema(value_type = crate::presentation::schemas::PropertyKindSchema, example = "villa")]
    pub kind: PropertyKind,
    /// Postal address: line1, line2?, postalCode, city, region?, country (ISO alpha-2).
    #[schema(value_type = sejour_infrastructure::http::dto::AddressDto)]
    pub address: PostalAddress,
    /// Position.
    pub coordinates: CoordinatesDto,
    /// Capacity.
    pub capacity: CapacityDto,
    /// Floor area, m².
    #[serde(default, deserialize_with = "floor_area::deserialize")]
    #[schema(minimum = 1, maximum = 2147483647)]
    pub floor_area_m2: Option<u32>,
    /// French registration number (13 characters); blank or null is none.
    #[schema(value_type = Option<RegistrationNumberSchema>)]
    pub registration_number: Option<String>,
    /// Descriptions.
    #[serde(default)]
    pub descriptions: DescriptionsDto,
    /// Check-in from (default 16:00).
    #[schema(value_type = Option<String>, pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "16:00:00")]
    pub check_in_time: Option<NaiveTime>,
    /// Check-out until (default 10:00).
    #[schema(value_type = Option<String>, pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "10:00:00")]
    pub check_out_time: Option<NaiveTime>,
    /// House rules.
    #[serde(default)]
    #[schema(pattern = r"^[^\x00]*$")]
    pub house_rules: String,
    /// Amenities from the closed list.
    #[serde(default)]
    #[schema(value_type = Vec<crate::presentation::schemas::AmenitySchema>)]
    pub amenities: Vec<Amenity>,
    /// Other amenities, free text.
    #[serde(default)]
    #[schema(pattern = r"^[^\x00]*$")]
    pub amenities_other: String,
    /// Owners and shares (summing to 10000).
    #[serde(default)]
    pub owners: Vec<OwnerShareDto>,
}

/// Changes to a property; omitted fields stay as they are.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "descriptions": {"en": "A villa with a heated pool, ten minutes from the beach."},
    "houseRules": "No parties. Quiet after 22:00.",
    "amenities": ["pool", "wifi", "parking"]
}))]
pub struct UpdatePropertyRequest {
    /// Name (1–120 characters once trimmed).
    #[schema(value_type = Option<PropertyNameSchema>)]
    pub name: Option<String>,
    /// Kind.
    #[schema(value_type = Option<crate::presentation::schemas::PropertyKindSchema>)]
    pub kind: Option<PropertyKind>,
    /// Address.
    #[schema(value_type = Option<sejour_infrastructure::http::dto::AddressDto>)]
    pub address: Option<PostalAddress>,
    /// Position.
    pub coordinates: Option<CoordinatesDto>,
    /// Capacity.
    pub capacity: Option<CapacityDto>,
    /// Floor area (null clears).
    #[serde(default, deserialize_with = "floor_area::deserialize_patch")]
    #[schema(value_type = Option<u32>, minimum = 1, maximum = 2147483647)]
    pub floor_area_m2: Option<Option<u32>>,
    /// Registration number (blank or null clears).
    #[serde(default, with = "double_option")]
    #[schema(value_type = Option<RegistrationNumberSchema>)]
    pub registration_number: Option<Option<String>>,
    /// Descriptions (each language optional).
    pub descriptions: Option<PartialDescriptions>,
    /// Check-in from.
    #[schema(value_type = Option<String>, pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "16:00:00")]
    pub check_in_time: Option<NaiveTime>,
    /// Check-out until.
    #[schema(value_type = Option<String>, pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "10:00:00")]
    pub check_out_time: Option<NaiveTime>,
    /// House rules.
    #[schema(pattern = r"^[^\x00]*$")]
    pub house_rules: Option<String>,
    /// Amenities.
    #[schema(value_type = Option<Vec<crate::presentation::schemas::AmenitySchema>>)]
    pub amenities: Option<Vec<Amenity>>,
    /// Other amenities.
    #[schema(pattern = r"^[^\x00]*$")]
    pub amenities_other: Option<String>,
    /// Owners and shares.
    pub owners: Option<Vec<OwnerShareDto>>,
    /// Rates (see the quote's documentation for the fields).
    #[schema(value_type = Option<sejour_infrastructure::http::pricing::RatePlanSchema>)]
    pub rates: Option<RatePlan>,
    /// Tourist-tax regime.
    #[schema(value_type = Option<sejour_infrastructure::http::pricing::TouristTaxConfigSchema>)]
    pub tourist_tax: Option<TouristTaxConfig>,
}

/// Descriptions, each optional.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartialDescriptions {
    /// French.
    #[schema(pattern = r"^[^\x00]*$")]
    pub fr: Option<String>,
    /// English.
    #[schema(pattern = r"^[^\x00]*$")]
    pub en: Option<String>,
}

mod double_option {
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

/// A floor area: 1 m² or more, within the database's integer.
mod floor_area {
    use serde::{Deserialize, Deserializer, de::Error};

    fn checked<E: Error>(area: Option<u32>) -> Result<Option<u32>, E> {
        match area {
            Some(a) if a == 0 || i32::try_from(a).is_err() => Err(E::custom(
                "floorAreaM2 is a whole number of square metres, at least 1",
            )),
            other => Ok(other),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        checked(Option::<u32>::deserialize(d)?)
    }

    pub fn deserialize_patch<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<u32>>, D::Error> {
        checked(Option::<u32>::deserialize(d)?).map(Some)
    }
}

/// Back-office list filters.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ManagedFilter {
    /// draft, published or archived.
    #[param(value_type = Option<crate::presentation::schemas::PropertyStatusSchema>)]
    pub status: Option<String>,
    /// One owner's properties.
    pub owner_id: Option<Uuid>,
    /// Name or city contains.
    #[param(pattern = r"^[^\x00]*$")]
    pub q: Option<String>,
}

impl ManagedFilter {
    /// The list query for one page.
    pub(super) fn query(self, page: &PageParams) -> Result<ListPropertiesQuery, ApiError> {
        let status = match self.status.as_deref() {
            Some(s) => Some(PropertyStatus::parse(s).ok_or_else(|| {
                ApiError::from(AppError::bad_request(
                    "request.invalid_query",
                    "status is draft, published or archived.",
                ))
            })?),
            None => None,
        };
        Ok(ListPropertiesQuery {
            status,
            owner_id: self.owner_id,
            q: self.q,
            before: page.cursor()?,
            fetch: i64::from(page.limit()?) + 1,
        })
    }
}

/// A row of the back-office list.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PropertySummaryDto {
    /// Id.
    pub id: Uuid,
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Status.
    #[schema(value_type = crate::presentation::schemas::PropertyStatusSchema)]
    pub status: String,
    /// City.
    pub city: String,
    /// Max guests.
    pub max_guests: i32,
}

impl From<PropertySummary> for PropertySummaryDto {
    fn from(s: PropertySummary) -> Self {
        Self {
            id: s.id,
            slug: s.slug,
            name: s.name,
            status: s.status,
            city: s.city,
            max_guests: s.max_guests,
        }
    }
}

/// The created resource's id.
#[derive(Debug, Serialize, ToSchema)]
pub struct Created {
    /// Its id.
    pub id: Uuid,
}

fn etag_header(version: i32) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(header::ETAG, etag(version));
    headers
}

/// Creates a draft property (staff).
#[utoipa::path(post, path = "/properties", operation_id = "createProperty", tag = "properties", request_body = CreatePropertyRequest,
    security(("bearerAuth" = [])),
    responses(
        (status = 201, description = "Created as a draft", body = Created),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    OriginalUri(uri): OriginalUri,
    Json(body): Json<CreatePropertyRequest>,
) -> Result<(StatusCode, HeaderMap, Json<Created>), ApiError> {
    let id = create_property(
        &state.app,
        &state.access,
        &ctx,
        CreatePropertyCommand {
            name: body.name,
            kind: body.kind,
            address: body.address,
            coordinates: (body.coordinates.lat, body.coordinates.lng),
            capacity: (
                body.capacity.max_guests,
                body.capacity.bedrooms,
                body.capacity.beds,
                body.capacity.bathrooms,
            ),
            floor_area_m2: body.floor_area_m2,
            registration_number: body.registration_number,
            descriptions: crate::domain::property::Descriptions {
                fr: body.descriptions.fr,
                en: body.descriptions.en,
            },
            check_in_time: body
                .check_in_time
                .unwrap_or(NaiveTime::from_hms_opt(16, 0, 0).unwrap_or_default()),
            check_out_time: body
                .check_out_time
                .unwrap_or(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default()),
            house_rules: body.house_rules,
            amenities: body.amenities,
            amenities_other: body.amenities_other,
            owners: body.owners.into_iter().map(Into::into).collect(),
        },
    )
    .await?;
    let mut headers = HeaderMap::new();
    if let Ok(location) =
        HeaderValue::from_str(&format!("{}/{id}", uri.path().trim_end_matches('/')))
    {
        headers.insert(header::LOCATION, location);
    }
    Ok((StatusCode::CREATED, headers, Json(Created { id })))
}

/// Shows a property: everything to staff and its owners, the public face of a published
/// one to anyone else, 404 otherwise.
#[utoipa::path(get, path = "/properties/{id}", operation_id = "getProperty", tag = "properties",
    params(("id" = Uuid, Path, description = "The property")),
    responses(
        (status = 200, description = "The property (ETag: its version)", body = PropertyDto),
        (status = 404, description = "No such property, or not visible", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn show(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
) -> Result<(HeaderMap, Json<PropertyDto>), ApiError> {
    let (property, view) = get_property(&state.app, &state.access, &ctx, id).await?;
    let photos = photo_dtos(&state, id).await?;
    Ok((
        etag_header(property.version),
        Json(PropertyDto::from_domain(&property, view, photos)),
    ))
}

/// Changes a property (staff); `If-Match` guards against lost updates.
#[utoipa::path(patch, path = "/properties/{id}", operation_id = "updateProperty", tag = "properties", request_body = UpdatePropertyRequest,
    params(("id" = Uuid, Path, description = "The property")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The updated property", body = PropertyDto),
        (status = 404, description = "No such property", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Stale If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or a published property would stop being publishable", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
    IfMatch(expected_version): IfMatch,
    Json(body): Json<UpdatePropertyRequest>,
) -> Result<(HeaderMap, Json<PropertyDto>), ApiError> {
    let descriptions = body.descriptions.unwrap_or_default();
    update_property(
        &state.app,
        &state.access,
        &ctx,
        UpdatePropertyCommand {
            id,
            expected_version,
            name: body.name,
            kind: body.kind,
            address: body.address,
            coordinates: body.coordinates.map(|c| (c.lat, c.lng)),
            capacity: body
                .capacity
                .map(|c| (c.max_guests, c.bedrooms, c.beds, c.bathrooms)),
            floor_area_m2: body.floor_area_m2,
            registration_number: body.registration_number,
            description_fr: descriptions.fr,
            description_en: descriptions.en,
            check_in_time: body.check_in_time,
            check_out_time: body.check_out_time,
            house_rules: body.house_rules,
            amenities: body.amenities,
            amenities_other: body.amenities_other,
            owners: body.owners.map(|o| o.into_iter().map(Into::into).collect()),
            rates: body.rates,
            tourist_tax: body.tourist_tax,
        },
    )
    .await?;
    show(State(state), RequestCtx(ctx), Path(id)).await
}

/// Lists properties for the back office: staff see all, an owner theirs.
#[utoipa::path(get, path = "/properties/managed", operation_id = "listManagedProperties", tag = "properties",
    params(ManagedFilter, PageParams),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "A page of properties", body = Page<PropertySummaryDto>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither staff nor an owner", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn managed(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Query(filter): Query<ManagedFilter>,
    Query(page): Query<PageParams>,
) -> Result<Json<Page<PropertySummaryDto>>, ApiError> {
    let limit = page.limit()?;
    let rows = list_properties(&state.app, &state.access, &ctx, filter.query(&page)?).await?;
    Ok(Json(
        Page::from_overfetch(rows, limit, |r| r.id).map(PropertySummaryDto::from),
    ))
}

macro_rules! status_route {
    ($fn:ident, $op:literal, $path:literal, $change:expr, $doc:literal) => {
        #[doc = $doc]
        #[utoipa::path(post, path = $path, operation_id = $op, tag = "properties",
            params(("id" = Uuid, Path, description = "The property")),
            security(("bearerAuth" = [])),
            responses(
                (status = 204, description = "Done"),
                (status = 404, description = "No such property", body = Problem, content_type = "application/problem+json"),
                (status = 422, description = "Not allowed now (e.g. missing registration number, photos or rates)", body = Problem, content_type = "application/problem+json"),
            ))]
        pub async fn $fn(
            State(state): State<PropertiesState>,
            RequestCtx(ctx): RequestCtx,
            Path(id): Path<Uuid>,
        ) -> Result<StatusCode, ApiError> {
            change_status(&state.app, &state.access, &ctx, id, $change).await?;
            Ok(StatusCode::NO_CONTENT)
        }
    };
}

status_route!(
    publish,
    "publishProperty",
    "/properties/{id}/publish",
    StatusChange::Publish,
    "Puts a property on sale: it needs a registration number (France), photos, rates, a tourist-tax regime and owners."
);
status_route!(
    unpublish,
    "unpublishProperty",
    "/properties/{id}/unpublish",
    StatusChange::Unpublish,
    "Takes a property back to draft."
);
status_route!(
    archive,
    "archiveProperty",
    "/properties/{id}/archive",
    StatusChange::Archive,
    "Withdraws a property."
);

/// A block to put on the calendar.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"start": "2030-08-03", "end": "2030-08-10", "kind": "owner_stay", "note": "The owners' family week"}))]
pub struct BlockRequest {
    /// First night.
    #[schema(value_type = String, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2030-08-03")]
    pub start: NaiveDate,
    /// Day after the last night (after `start`).
    #[schema(value_type = String, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2030-08-10")]
    pub end: NaiveDate,
    /// owner_stay or maintenance.
    #[schema(value_type = crate::presentation::schemas::BlockKindSchema, example = "owner_stay")]
    pub kind: OccupationKind,
    /// A note for staff.
    #[schema(pattern = r"^[^\x00]*$")]
    pub note: Option<String>,
}

/// Blocks dates (staff any block; an owner of the property its own stays, `owner_stay`):
/// 409 `calendar.period_unavailable` when they overlap anything.
#[utoipa::path(post, path = "/properties/{id}/blocks", operation_id = "blockDates", tag = "properties", request_body = BlockRequest,
    params(("id" = Uuid, Path, description = "The property")),
    security(("bearerAuth" = [])),
    responses(
        (status = 201, description = "Blocked", body = Created),
        (status = 404, description = "No such property", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The dates are taken", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid dates or kind", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn block(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
    Json(body): Json<BlockRequest>,
) -> Result<(StatusCode, Json<Created>), ApiError> {
    let dates = DateRange::new(body.start, body.end).map_err(|e| {
        AppError::validation(vec![sejour_core::FieldError::new(
            "end",
            e.code(),
            e.to_string(),
        )])
    })?;
    let block_id = block_dates(
        &state.app,
        &state.access,
        &ctx,
        BlockDatesCommand {
            property_id: id,
            dates,
            kind: body.kind,
            note: body.note,
        },
    )
    .await?;
    Ok((StatusCode::CREATED, Json(Created { id: block_id })))
}

/// Frees a block (staff; an owner of the property their own stays).
#[utoipa::path(delete, path = "/properties/{id}/blocks/{block_id}", operation_id = "unblockDates", tag = "properties",
    params(("id" = Uuid, Path, description = "The property"), ("block_id" = Uuid, Path, description = "The block")),
    security(("bearerAuth" = [])),
    responses(
        (status = 204, description = "Freed"),
        (status = 404, description = "No such block", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn unblock(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path((id, block_id)): Path<(Uuid, Uuid)>,
) -> Result<StatusCode, ApiError> {
    release_block(&state.app, &state.access, &ctx, id, block_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
