//! Public search in SQL: published properties free for the whole stay, filtered by city,
//! place, guests and amenities, in a stable order with a keyset cursor.
//!
//! Indexes used: `properties_city_idx` (city), `properties_geo_idx` (bounding box),
//! `properties_amenities_idx` (GIN, `@>`), `properties_price_idx` (price order), and the
//! calendar's exclusion-constraint GiST index on `(property_id, dates)` for the
//! `NOT EXISTS` availability test, one index probe per candidate.

use chrono::NaiveDate;
use sejour_core::AppError;
use sejour_infrastructure::db::storage_error;
use sqlx::PgPool;
use uuid::Uuid;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchOrder {
    /// Newest first (id descending; ids are time-ordered).
    Newest,
    /// Lowest nightly price first.
    PriceAsc,
    /// Highest nightly price first.
    PriceDesc,
    /// Nearest to the `near` point first.
    Distance,
}

/// Where the previous page stopped: the sort key and the id.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SearchCursor {
    /// The sort value of the last row (price in minor units, or distance in km).
    pub key: f64,
    /// The id of the last row.
    pub id: Uuid,
}

/// The SQL filters of a search.
#[derive(Debug, Clone)]
pub struct SearchFilter {
    /// City, case-insensitive.
    pub city: Option<String>,
    /// Centre and radius (km).
    pub near: Option<(f64, f64, f64)>,
    /// First night.
    pub check_in: NaiveDate,
    /// Check-out day.
    pub check_out: NaiveDate,
    /// Occupants.
    pub guests: u32,
    /// Required amenities (stored names).
    pub amenities: Vec<String>,
    /// Order.
    pub order: SearchOrder,
    /// After this row.
    pub after: Option<SearchCursor>,
}

/// A candidate row with what the response and the quote need.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Candidate {
    /// Id.
    pub id: Uuid,
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: String,
    /// City.
    pub city: String,
    /// Country.
    pub country: String,
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
    /// Capacity.
    pub max_guests: i32,
    /// Bedrooms.
    pub bedrooms: i32,
    /// Amenities.
    pub amenities: Vec<String>,
    /// Rates (JSON).
    pub rates: Option<serde_json::Value>,
    /// Tourist tax (JSON).
    pub tourist_tax: Option<serde_json::Value>,
    /// Lowest nightly price, minor units.
    pub nightly_from: Option<i64>,
    /// Distance from `near`, km (0 without `near`).
    pub distance_km: f64,
    /// The first photo's id.
    pub photo_id: Option<Uuid>,
}

impl Candidate {
    /// The cursor after this row for `order`.
    pub fn cursor(&self, order: SearchOrder) -> SearchCursor {
        let key = match order {
            SearchOrder::Newest => 0.0,
            SearchOrder::PriceAsc | SearchOrder::PriceDesc => self.nightly_from.unwrap_or(0) as f64,
            SearchOrder::Distance => self.distance_km,
        };
        SearchCursor { key, id: self.id }
    }
}

/// Up to `limit` published, free candidates after the cursor, in order.
pub async fn candidates(
    pool: &PgPool,
    f: &SearchFilter,
    limit: i64,
) -> Result<Vec<Candidate>, AppError> {
    let (lat, lng, radius) = f
        .near
        .map_or((None, None, None), |(a, b, r)| (Some(a), Some(b), Some(r)));
    // A bounding box around the centre, for the index; the exact distance filters after.
    let (dlat, dlng) = match (lat, radius) {
        (Some(lat), Some(r)) => {
            let dlat = r / 111.0;
            let cos = lat.to_radians().cos().abs().max(0.01);
            (Some(dlat), Some(r / (111.0 * cos)))
        }
        _ => (None, None),
    };
    let distance = "CASE WHEN $2::float8 IS NULL THEN 0::float8 ELSE 6371 * 2 * asin(sqrt(\
        power(sin(radians(p.latitude - $2) / 2), 2) + cos(radians($2)) * cos(radians(p.latitude)) * \
        power(sin(radians(p.longitude - $3) / 2), 2))) END";
    let (order_by, keyset) = match f.order {
        SearchOrder::Newest => (
            "p.id DESC",
            "($12::uuid IS NULL OR ($11::float8 IS NOT NULL AND p.id < $12))",
        ),
        SearchOrder::PriceAsc => (
            "p.nightly_from ASC, p.id ASC",
            "($12::uuid IS NULL OR (p.nightly_from::float8, p.id) > ($11, $12))",
        ),
        SearchOrder::PriceDesc => (
            "p.nightly_from DESC, p.id DESC",
            "($12::uuid IS NULL OR (p.nightly_from::float8, p.id) < ($11, $12))",
        ),
        SearchOrder::Distance => (
            "distance_km ASC, p.id ASC",
            "($12::uuid IS NULL OR (DISTANCE, p.id) > ($11, $12))",
        ),
    };
    let keyset = keyset.replace("DISTANCE", distance);
    let sql = format!(
        "SELECT p.id, p.slug, p.name, p.kind, p.city, p.country, p.latitude, p.longitude, p.max_guests, \
                p.bedrooms, p.amenities, p.rates, p.tourist_tax, p.nightly_from, {distance} AS distance_km, \
                (SELECT ph.id FROM properties.photos ph WHERE ph.property_id = p.id ORDER BY ph.position LIMIT 1) AS photo_id \
           FROM properties.properties p \
          WHERE p.status = 'published' AND p.rates IS NOT NULL AND p.tourist_tax IS NOT NULL \
            AND ($1::text IS NULL OR lower(p.city) = lower($1)) \
            AND ($2::float8 IS NULL OR (p.latitude BETWEEN $2 - $5 AND $2 + $5 \
                 AND p.longitude BETWEEN $3 - $6 AND $3 + $6 AND {distance} <= $4)) \
            AND p.max_guests >= $7 \
            AND p.amenities @> $8 \
            AND NOT EXISTS (SELECT 1 FROM properties.occupations o \
                             WHERE o.property_id = p.id AND o.dates && daterange($9, $10, '[)')) \
            AND {keyset} \
          ORDER BY {order_by} LIMIT $13"
    );
    sqlx::query_as(&sql)
        .bind(f.city.as_deref())
        .bind(lat)
        .bind(lng)
        .bind(radius)
        .bind(dlat)
        .bind(dlng)
        .bind(i32::try_from(f.guests).unwrap_or(i32::MAX))
        .bind(&f.amenities)
        .bind(f.check_in)
        .bind(f.check_out)
        .bind(f.after.map(|c| c.key))
        .bind(f.after.map(|c| c.id))
        .bind(limit)
        .fetch_all(pool)
        .await
        .map_err(storage_error)
}
