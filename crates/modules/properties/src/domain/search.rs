//! The public search's vocabulary: its filters, order and cursor, and the candidate rows
//! the [`PropertyRepository`](super::repositories::PropertyRepository) finds.

use chrono::NaiveDate;
use uuid::Uuid;

use super::pricing::{RatePlan, TouristTaxConfig};

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
    /// The stay the properties must be free for; `None` browses the catalogue.
    pub stay: Option<(NaiveDate, NaiveDate)>,
    /// Highest lowest-nightly price, minor units (browsing without a stay).
    pub nightly_max: Option<i64>,
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
#[derive(Debug, Clone)]
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
    /// Rates (`None` when missing or unreadable).
    pub rates: Option<RatePlan>,
    /// Tourist tax (`None` when missing or unreadable).
    pub tourist_tax: Option<TouristTaxConfig>,
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
