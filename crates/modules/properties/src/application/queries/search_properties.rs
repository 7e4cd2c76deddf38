//! `SearchPropertiesQuery`: the public search — published properties with their lowest
//! nightly price; given a stay, only those free for all of it, with the stay's quote.

use chrono::NaiveDate;
use sejour_core::{
    AppError, FieldError,
    value_objects::{Money, ReservationPeriod},
};

use crate::{
    application::Properties,
    domain::{
        amenity::Amenity,
        pricing::Quote,
        search::{Candidate, SearchCursor, SearchFilter, SearchOrder},
        services::{PaymentCalculationService, PricedProperty},
    },
};

/// Candidates looked at per request at most, so that a very selective price filter
/// cannot make one request scan the whole catalogue; the cursor continues the scan.
const MAX_SCANNED: usize = 1000;

/// A public search.
#[derive(Debug, Clone)]
pub struct SearchPropertiesQuery {
    /// City, case-insensitive.
    pub city: Option<String>,
    /// Centre of a place search.
    pub near: Option<(f64, f64)>,
    /// Radius around `near`, km (default 20).
    pub radius_km: Option<f64>,
    /// First night (with `check_out`, or neither to browse the catalogue).
    pub check_in: Option<NaiveDate>,
    /// Check-out day.
    pub check_out: Option<NaiveDate>,
    /// Guests (counted as adults for the price).
    pub guests: u32,
    /// Required amenities.
    pub amenities: Vec<Amenity>,
    /// Highest total price of the stay; without a stay, highest "from" nightly price.
    pub price_max: Option<i64>,
    /// Order.
    pub order: SearchOrder,
    /// Continue after this row.
    pub after: Option<SearchCursor>,
    /// Page size.
    pub limit: u32,
}

/// A search result: the property's public face, its lowest nightly price and, given a
/// stay, the stay's quote.
#[derive(Debug, Clone)]
pub struct SearchHit {
    /// The candidate row.
    pub property: Candidate,
    /// The lowest nightly price of its rates (base or any season).
    pub nightly_from: Money,
    /// The stay's quote, when searching for a stay.
    pub quote: Option<Quote>,
}

/// A page of results and where the next one starts.
#[derive(Debug, Clone)]
pub struct SearchPage {
    /// Results.
    pub hits: Vec<SearchHit>,
    /// The next page's cursor.
    pub next: Option<SearchCursor>,
}

/// The stay searched for (`None` when browsing), or every field error of the query.
fn validate(
    q: &SearchPropertiesQuery,
    today: NaiveDate,
) -> Result<Option<ReservationPeriod>, AppError> {
    let mut errors = Vec::new();
    let stay = match (q.check_in, q.check_out) {
        (Some(check_in), Some(check_out)) => {
            if check_in < today {
                errors.push(FieldError::new(
                    "checkIn",
                    "quote.past_dates",
                    "The stay starts in the past.",
                ));
            }
            ReservationPeriod::new(check_in, check_out)
                .map_err(|e| errors.push(FieldError::new("checkOut", e.code(), e.to_string())))
                .ok()
        }
        (None, None) => None,
        (check_in, _) => {
            let missing = if check_in.is_some() {
                "checkOut"
            } else {
                "checkIn"
            };
            errors.push(FieldError::new(
                missing,
                "search.incomplete_stay",
                "A stay needs both checkIn and checkOut (or neither, to browse).",
            ));
            None
        }
    };
    if !(1..=50).contains(&q.guests) {
        errors.push(FieldError::new(
            "guests",
            "search.invalid_guests",
            "guests is between 1 and 50.",
        ));
    }
    if let Some((lat, lng)) = q.near
        && !((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lng))
    {
        errors.push(FieldError::new(
            "near",
            "search.invalid_near",
            "near is lat,lng in degrees.",
        ));
    }
    if q.radius_km.is_some_and(|r| !(0.1..=500.0).contains(&r)) {
        errors.push(FieldError::new(
            "radius",
            "search.invalid_radius",
            "radius is 0.1 to 500 km.",
        ));
    }
    if q.order == SearchOrder::Distance && q.near.is_none() {
        errors.push(FieldError::new(
            "sort",
            "search.distance_needs_near",
            "Sorting by distance needs `near`.",
        ));
    }
    if errors.is_empty() {
        Ok(stay)
    } else {
        Err(AppError::validation(errors))
    }
}

/// The candidate as a result: `None` when it cannot be priced (rates or tax unreadable),
/// or, given a stay, cannot be booked for it.
fn hit(
    c: Candidate,
    stay: Option<ReservationPeriod>,
    guests: u32,
    today: NaiveDate,
    pricing: &PaymentCalculationService,
) -> Option<SearchHit> {
    let (rates, tax) = (c.rates.as_ref()?, c.tourist_tax.as_ref()?);
    let nightly_from = rates.lowest_nightly();
    let quote = match stay {
        None => None,
        Some(stay) => {
            let capacity = u32::try_from(c.max_guests).ok()?;
            let party = PaymentCalculationService::party(guests, &[], capacity).ok()?;
            let priced = PricedProperty {
                rates,
                tourist_tax: tax,
                capacity,
            };
            Some(pricing.quote(priced, stay, &party, today).ok()?)
        }
    };
    Some(SearchHit {
        property: c,
        nightly_from,
        quote,
    })
}

/// Runs a search.
#[doc(alias = "SearchPropertiesHandler")]
pub async fn search_properties(
    app: &Properties,
    q: SearchPropertiesQuery,
) -> Result<SearchPage, AppError> {
    let today = app.clock.today();
    let stay = validate(&q, today)?;
    let limit = usize::try_from(q.limit).unwrap_or(20);
    let mut filter = SearchFilter {
        city: q
            .city
            .clone()
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty()),
        near: q
            .near
            .map(|(lat, lng)| (lat, lng, q.radius_km.unwrap_or(20.0))),
        stay: stay.map(|s| (s.check_in(), s.check_out())),
        nightly_max: q.price_max.filter(|_| stay.is_none()),
        guests: q.guests,
        amenities: q.amenities.iter().map(|a| a.as_str().to_owned()).collect(),
        order: q.order,
        after: q.after,
    };
    let mut hits = Vec::with_capacity(limit + 1);
    let mut scanned = 0;
    let batch = i64::try_from(limit * 2 + 1).unwrap_or(41);
    loop {
        let rows = app.repo.search(&filter, batch).await?;
        let exhausted = rows.len() < usize::try_from(batch).unwrap_or(0);
        for row in rows {
            scanned += 1;
            filter.after = Some(row.cursor(q.order));
            let Some(hit) = hit(row, stay, q.guests, today, &app.pricing) else {
                continue;
            };
            if stay.is_some()
                && q.price_max.is_some_and(|max| {
                    hit.quote
                        .as_ref()
                        .is_some_and(|quote| quote.total.amount_minor() > max)
                })
            {
                continue;
            }
            hits.push(hit);
            if hits.len() > limit {
                break;
            }
        }
        if hits.len() > limit {
            hits.truncate(limit);
            let next = hits.last().map(|h| h.property.cursor(q.order));
            return Ok(SearchPage { hits, next });
        }
        if exhausted {
            return Ok(SearchPage { hits, next: None });
        }
        if scanned >= MAX_SCANNED {
            // Stop here; the client continues from the last row looked at.
            return Ok(SearchPage {
                hits,
                next: filter.after,
            });
        }
    }
}
