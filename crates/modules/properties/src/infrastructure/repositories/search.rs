//! Public search in SQL: published properties (free for the whole stay when there is
//! one), filtered by city, place, guests and amenities, in a stable order with a keyset
//! cursor.
//!
//! Indexes used: `properties_city_idx` (city), `properties_geo_idx` (bounding box),
//! `properties_amenities_idx` (GIN, `@>`), `properties_price_idx` (price order), and
//! `occupations_property_end_idx` for the availability test: one B-tree descent per
//! candidate to the first occupation ending after check-in.

use sejour_core::AppError;
use sejour_infrastructure::db::StorageResult;
use sqlx::{PgPool, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::domain::search::{Candidate, SearchFilter, SearchOrder};

/// A candidate row as read; rates and tax still JSON.
#[derive(sqlx::FromRow)]
struct CandidateRow {
    id: Uuid,
    slug: String,
    name: String,
    kind: String,
    city: String,
    country: String,
    latitude: f64,
    longitude: f64,
    max_guests: i32,
    bedrooms: i32,
    amenities: Vec<String>,
    rates: Option<serde_json::Value>,
    tourist_tax: Option<serde_json::Value>,
    nightly_from: Option<i64>,
    distance_km: f64,
    photo_id: Option<Uuid>,
}

impl From<CandidateRow> for Candidate {
    /// Rates or a tax that cannot be read leave the candidate unpriceable (`None`), as a
    /// missing one does.
    fn from(r: CandidateRow) -> Self {
        Candidate {
            id: r.id,
            slug: r.slug,
            name: r.name,
            kind: r.kind,
            city: r.city,
            country: r.country,
            latitude: r.latitude,
            longitude: r.longitude,
            max_guests: r.max_guests,
            bedrooms: r.bedrooms,
            amenities: r.amenities,
            rates: r.rates.and_then(|v| serde_json::from_value(v).ok()),
            tourist_tax: r.tourist_tax.and_then(|v| serde_json::from_value(v).ok()),
            nightly_from: r.nightly_from,
            distance_km: r.distance_km,
            photo_id: r.photo_id,
        }
    }
}

/// Pushes the haversine distance (km) from `(lat, lng)` to the row's position.
fn push_distance(qb: &mut QueryBuilder<'_, Postgres>, lat: f64, lng: f64) {
    qb.push("(6371 * 2 * asin(sqrt(power(sin(radians(p.latitude - ")
        .push_bind(lat)
        .push(") / 2), 2) + cos(radians(")
        .push_bind(lat)
        .push(")) * cos(radians(p.latitude)) * power(sin(radians(p.longitude - ")
        .push_bind(lng)
        .push(") / 2), 2))))");
}

/// Up to `limit` published, free candidates after the cursor, in order.
///
/// The statement holds only the filters in use (no `$n IS NULL OR ...`), so that the
/// planner can walk the index of the order and stop at the limit. The page is chosen on
/// the narrow columns first (index-only for the catalogue-wide price order), then its
/// rows are read whole.
pub(super) async fn candidates(
    pool: &PgPool,
    f: &SearchFilter,
    limit: i64,
) -> Result<Vec<Candidate>, AppError> {
    // The page's rows, whole, around the choice of the page on the narrow columns.
    let mut qb: QueryBuilder<'_, Postgres> = QueryBuilder::new(
        "SELECT p.id, p.slug, p.name, p.kind, p.city, p.country, p.latitude, p.longitude, \
                p.max_guests, p.bedrooms, p.amenities, p.rates, p.tourist_tax, p.nightly_from, \
                page.distance_km, (SELECT ph.id FROM properties.photos ph \
                 WHERE ph.property_id = p.id ORDER BY ph.position LIMIT 1) AS photo_id \
           FROM (SELECT p.id, p.nightly_from, ",
    );
    match f.near {
        Some((lat, lng, _)) => push_distance(&mut qb, lat, lng),
        None => {
            qb.push("0::float8");
        }
    }
    qb.push(
        " AS distance_km FROM properties.properties p \
          WHERE p.status = 'published' AND p.rates IS NOT NULL AND p.tourist_tax IS NOT NULL",
    );
    let catalogue_wide = f.city.is_none() && f.near.is_none();
    if let Some(city) = &f.city {
        qb.push(" AND lower(p.city) = lower(")
            .push_bind(city.clone())
            .push(")");
    }
    if let Some((lat, lng, radius)) = f.near {
        // A bounding box for the index, then the exact distance.
        let dlat = radius / 111.0;
        let dlng = radius / (111.0 * lat.to_radians().cos().abs().max(0.01));
        qb.push(" AND p.latitude BETWEEN ")
            .push_bind(lat - dlat)
            .push(" AND ")
            .push_bind(lat + dlat)
            .push(" AND p.longitude BETWEEN ")
            .push_bind(lng - dlng)
            .push(" AND ")
            .push_bind(lng + dlng)
            .push(" AND ");
        push_distance(&mut qb, lat, lng);
        qb.push(" <= ").push_bind(radius);
    }
    if f.guests > 1 {
        qb.push(" AND p.max_guests >= ")
            .push_bind(i32::try_from(f.guests).unwrap_or(i32::MAX));
    }
    if !f.amenities.is_empty() {
        if catalogue_wide {
            // With no place filter, walking the index of the order and stopping at the
            // page beats collecting every match from the GIN index and sorting it; the
            // `IS TRUE` form keeps the planner on the order's index.
            qb.push(" AND (p.amenities @> ")
                .push_bind(f.amenities.clone())
                .push(") IS TRUE");
        } else {
            qb.push(" AND p.amenities @> ")
                .push_bind(f.amenities.clone());
        }
    }
    if let Some(max) = f.nightly_max {
        qb.push(" AND p.nightly_from <= ").push_bind(max);
    }
    match f.stay {
        None => {}
        Some((check_in, check_out)) if catalogue_wide => {
            // Thousands of candidates may be examined: the properties taken during the stay
            // are read once (`occupations_dates_idx`) into a hash the walk consults.
            qb.push(
                " AND p.id NOT IN (SELECT o.property_id FROM properties.occupations o \
              WHERE o.dates && daterange(",
            )
            .push_bind(check_in)
            .push(", ")
            .push_bind(check_out)
            .push(", '[)'))");
        }
        Some((check_in, check_out)) => {
            // A few hundred candidates at most: occupations of a property never overlap, so
            // the first one ending after check-in is the only one that can overlap the stay
            // (one descent of `occupations_property_end_idx` per candidate).
            qb.push(
                " AND NOT EXISTS (SELECT 1 FROM (SELECT o.dates FROM properties.occupations o \
              WHERE o.property_id = p.id AND upper(o.dates) > ",
            )
            .push_bind(check_in)
            .push(" ORDER BY upper(o.dates) LIMIT 1) AS next_stay WHERE lower(next_stay.dates) < ")
            .push_bind(check_out)
            .push(")");
        }
    }
    if let Some(after) = f.after {
        match f.order {
            SearchOrder::Newest => {
                qb.push(" AND p.id < ").push_bind(after.id);
            }
            SearchOrder::PriceAsc => {
                qb.push(" AND (p.nightly_from, p.id) > (")
                    .push_bind(after.key as i64)
                    .push(", ")
                    .push_bind(after.id)
                    .push(")");
            }
            SearchOrder::PriceDesc => {
                qb.push(" AND (p.nightly_from, p.id) < (")
                    .push_bind(after.key as i64)
                    .push(", ")
                    .push_bind(after.id)
                    .push(")");
            }
            SearchOrder::Distance => {
                if let Some((lat, lng, _)) = f.near {
                    qb.push(" AND (");
                    push_distance(&mut qb, lat, lng);
                    qb.push(", p.id) > (")
                        .push_bind(after.key)
                        .push(", ")
                        .push_bind(after.id)
                        .push(")");
                }
            }
        }
    }
    let (inner, outer) = match f.order {
        SearchOrder::Newest => ("p.id DESC", "page.id DESC"),
        SearchOrder::PriceAsc => (
            "p.nightly_from ASC, p.id ASC",
            "page.nightly_from ASC, page.id ASC",
        ),
        SearchOrder::PriceDesc => (
            "p.nightly_from DESC, p.id DESC",
            "page.nightly_from DESC, page.id DESC",
        ),
        SearchOrder::Distance => (
            "distance_km ASC, p.id ASC",
            "page.distance_km ASC, page.id ASC",
        ),
    };
    qb.push(" ORDER BY ").push(inner);
    qb.push(" LIMIT ").push_bind(limit);
    qb.push(") AS page JOIN properties.properties p ON p.id = page.id ORDER BY ")
        .push(outer);
    let rows: Vec<CandidateRow> = qb.build_query_as().fetch_all(pool).await.storage()?;
    Ok(rows.into_iter().map(Candidate::from).collect())
}
