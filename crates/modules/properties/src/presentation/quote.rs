//! `GET /properties/{id}/quote` and the public search `GET /properties`.

use axum::extract::State;
use chrono::NaiveDate;
use sejour_core::{AppError, value_objects::Money};
use sejour_infrastructure::http::{
    ApiError, Json, Page, PageParams, Path, Query, RequestCtx,
    pagination::{decode_cursor, encode_cursor},
    problem::Problem,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::PropertiesState;
use crate::{
    application::queries::{
        quote_stay::{QuoteStayQuery, quote_stay},
        search_properties::{SearchPropertiesQuery, search_properties},
    },
    domain::amenity::Amenity,
    domain::search::SearchOrder,
};

/// The stay to price.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct QuoteParams {
    /// Check-in day.
    #[param(value_type = String, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2030-07-06")]
    pub check_in: NaiveDate,
    /// Check-out day.
    #[param(value_type = String, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2030-07-13")]
    pub check_out: NaiveDate,
    /// Adults (at least 1; 50 occupants at most).
    #[param(minimum = 1, maximum = 50, example = 2)]
    pub adults: u32,
    /// Children's ages, comma-separated (e.g. `4,12`).
    #[param(value_type = Option<Vec<crate::presentation::schemas::ChildAge>>, inline, style = Form, explode = false)]
    pub children: Option<String>,
}

fn ages(raw: Option<&str>) -> Result<Vec<u8>, ApiError> {
    raw.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.split(',')
                .map(|a| a.trim().parse::<u8>().ok().filter(|a| *a < 18))
                .collect::<Option<Vec<u8>>>()
                .ok_or_else(|| {
                    ApiError::from(AppError::bad_request(
                        "request.invalid_query",
                        "children lists ages under 18, comma-separated.",
                    ))
                })
        })
        .transpose()
        .map(Option::unwrap_or_default)
}

/// The price of a stay: nightly lines per season, discount, fees, extra guests, the
/// tourist tax with its computation, the total, the payment schedule and the security
/// deposit. 422 with a stable code when it cannot be booked: `quote.unavailable`,
/// `quote.minimum_stay`, `quote.arrival_day`, `quote.capacity`, `quote.past_dates`,
/// `quote.too_long`, `quote.no_adult`.
#[utoipa::path(get, path = "/properties/{id}/quote", operation_id = "quoteStay", tag = "properties",
    params(("id" = Uuid, Path, description = "The property"), QuoteParams),
    responses(
        (status = 200, description = "The quote (amounts in minor units)", body = sejour_infrastructure::http::pricing::QuoteDto),
        (status = 404, description = "No such property", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The stay cannot be booked", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn quote(
    State(state): State<PropertiesState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
    Query(params): Query<QuoteParams>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let quoted = quote_stay(
        &state.app,
        &state.access,
        &ctx,
        QuoteStayQuery {
            property_id: id,
            check_in: params.check_in,
            check_out: params.check_out,
            adults: params.adults,
            children_ages: ages(params.children.as_deref())?,
        },
    )
    .await?;
    Ok(Json(
        serde_json::to_value(&quoted).map_err(AppError::internal)?,
    ))
}

/// Search filters.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// City.
    #[param(pattern = r"^[^\x00]*$")]
    pub city: Option<String>,
    /// `lat,lng` of a place, in degrees (e.g. `43.70,7.27`).
    #[param(
        pattern = r"^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+),[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)$",
        example = "43.70,7.27"
    )]
    pub near: Option<String>,
    /// Radius around `near`, km (default 20).
    #[param(minimum = 0.1, maximum = 500.0)]
    pub radius: Option<f64>,
    /// First night; with `checkOut`, only properties free for the whole stay, priced for
    /// it. Without both, the catalogue is browsed.
    #[param(value_type = Option<String>, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2030-07-06")]
    pub check_in: Option<NaiveDate>,
    /// Check-out day.
    #[param(value_type = Option<String>, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2030-07-13")]
    pub check_out: Option<NaiveDate>,
    /// Guests (default 1).
    #[param(minimum = 1, maximum = 50)]
    pub guests: Option<u32>,
    /// Required amenities, comma-separated (e.g. `pool,wifi`).
    #[param(value_type = Option<Vec<crate::presentation::schemas::AmenitySchema>>, style = Form, explode = false)]
    pub amenities: Option<String>,
    /// Highest total price of the stay, minor units; without a stay, highest
    /// `nightlyFrom`.
    pub price_max: Option<i64>,
    /// `newest` (default), `price`, `-price` or `distance` (with `near`).
    #[param(value_type = Option<crate::presentation::schemas::SearchSort>, inline)]
    pub sort: Option<String>,
}

/// A search result: the public face of a property, its lowest nightly price and, for a
/// stay, the stay's price.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SearchResult {
    /// Id.
    pub id: Uuid,
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Kind.
    #[schema(value_type = crate::presentation::schemas::PropertyKindSchema)]
    pub kind: String,
    /// City.
    pub city: String,
    /// Country.
    pub country: String,
    /// Approximate position (2 decimals).
    pub lat: f64,
    /// Approximate position (2 decimals).
    pub lng: f64,
    /// Distance from `near`, km.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    /// Max guests.
    pub max_guests: i32,
    /// Bedrooms.
    pub bedrooms: i32,
    /// Amenities.
    #[schema(value_type = Vec<crate::presentation::schemas::AmenitySchema>)]
    pub amenities: Vec<String>,
    /// The first photo (resized), if any.
    pub photo_url: Option<String>,
    /// The lowest nightly price of its rates (base or any season): "from 120 € a night".
    #[schema(value_type = sejour_infrastructure::http::dto::MoneySchema)]
    pub nightly_from: Money,
    /// Nights of the stay (searching for a stay).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nights: Option<u32>,
    /// Total price of the stay, tourist tax included (searching for a stay).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<sejour_infrastructure::http::dto::MoneySchema>)]
    pub total: Option<Money>,
}

/// Public search: published properties with their "from" nightly price; given
/// `checkIn` and `checkOut`, only those free for the whole stay, with its total price.
/// No owner data. 422 `search.incomplete_stay` for one date without the other.
#[utoipa::path(get, path = "/properties", operation_id = "searchProperties", tag = "properties",
    params(SearchParams, PageParams),
    responses(
        (status = 200, description = "A page of results", body = Page<SearchResult>),
        (status = 400, description = "Bad parameters", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Inconsistent parameters", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn search(
    State(state): State<PropertiesState>,
    Query(params): Query<SearchParams>,
    Query(page): Query<PageParams>,
) -> Result<Json<Page<SearchResult>>, ApiError> {
    let bad = |what: &str| {
        ApiError::from(AppError::bad_request(
            "request.invalid_query",
            what.to_owned(),
        ))
    };
    let near = match params.near.as_deref() {
        Some(raw)
            if !raw
                .bytes()
                .all(|b| b.is_ascii_digit() || b"+-.,".contains(&b)) =>
        {
            return Err(bad("near is `lat,lng`."));
        }
        Some(raw) => {
            let mut parts = raw.split(',').map(|p| p.trim().parse::<f64>());
            match (parts.next(), parts.next(), parts.next()) {
                (Some(Ok(lat)), Some(Ok(lng)), None) => Some((lat, lng)),
                _ => return Err(bad("near is `lat,lng`.")),
            }
        }
        None => None,
    };
    let amenities = params
        .amenities
        .as_deref()
        .map(|raw| {
            raw.split(',')
                .filter(|a| !a.trim().is_empty())
                .map(|a| {
                    Amenity::parse(a.trim())
                        .ok_or_else(|| bad(&format!("unknown amenity `{}`.", a.trim())))
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?
        .unwrap_or_default();
    let order = match params.sort.as_deref() {
        None | Some("newest") => SearchOrder::Newest,
        Some("price") => SearchOrder::PriceAsc,
        Some("-price") => SearchOrder::PriceDesc,
        Some("distance") => SearchOrder::Distance,
        Some(_) => return Err(bad("sort is newest, price, -price or distance.")),
    };
    let limit = page.limit()?;
    let after = page.cursor.as_deref().map(decode_cursor).transpose()?;
    let found = search_properties(
        &state.app,
        SearchPropertiesQuery {
            city: params.city,
            near,
            radius_km: params.radius,
            check_in: params.check_in,
            check_out: params.check_out,
            guests: params.guests.unwrap_or(1),
            amenities,
            price_max: params.price_max,
            order,
            after,
            limit,
        },
    )
    .await?;
    let round = |x: f64| (x * 100.0).round() / 100.0;
    Ok(Json(Page {
        items: found
            .hits
            .into_iter()
            .map(|h| SearchResult {
                id: h.property.id,
                slug: h.property.slug,
                name: h.property.name,
                kind: h.property.kind,
                city: h.property.city,
                country: h.property.country,
                lat: round(h.property.latitude),
                lng: round(h.property.longitude),
                distance_km: near.map(|_| round(h.property.distance_km)),
                max_guests: h.property.max_guests,
                bedrooms: h.property.bedrooms,
                amenities: h.property.amenities,
                photo_url: h
                    .property
                    .photo_id
                    .map(|p| format!("/api/v1/properties/{}/photos/{p}/resized", h.property.id)),
                nightly_from: h.nightly_from,
                nights: h.quote.as_ref().map(|q| q.nights),
                total: h.quote.map(|q| q.total),
            })
            .collect(),
        next_cursor: found.next.map(|c| encode_cursor(&c)),
    }))
}
