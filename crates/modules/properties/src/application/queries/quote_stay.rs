//! `QuoteStayQuery` (the seed's PaymentCalculationService at the edge): the price of a
//! stay at a property, line by line, with its payment schedule — or why it cannot be
//! booked.

use chrono::NaiveDate;
use sejour_core::{AppError, Ctx, ErrorKind, value_objects::ReservationPeriod};

use crate::{
    application::{Properties, access::Access},
    domain::{
        pricing::{Quote, QuoteRefused},
        property::Property,
        services::{PaymentCalculationService, PricedProperty},
    },
};

/// A stay to price.
#[derive(Debug, Clone)]
pub struct QuoteStayQuery {
    /// The property.
    pub property_id: uuid::Uuid,
    /// Check-in day.
    pub check_in: NaiveDate,
    /// Check-out day.
    pub check_out: NaiveDate,
    /// Adults (≥ 1).
    pub adults: u32,
    /// One age per child.
    pub children_ages: Vec<u8>,
}

/// 422 `quote.unavailable`: the dates are taken.
pub const UNAVAILABLE: &str = "quote.unavailable";

/// Prices `q` at `property` (no visibility check, no availability check): the rules of
/// the quote only. Used by the catalogue's published interface too.
pub fn price(
    property: &Property,
    q: &QuoteStayQuery,
    today: NaiveDate,
    pricing: &PaymentCalculationService,
) -> Result<Quote, AppError> {
    let stay = ReservationPeriod::new(q.check_in, q.check_out)
        .map_err(|e| AppError::rule(e.code(), e.to_string()))?;
    let (Some(rates), Some(tax)) = (&property.rates, &property.tourist_tax) else {
        return Err(AppError::rule(
            "quote.no_rates",
            "This property has no rates yet.",
        ));
    };
    let refused = |refused: QuoteRefused| {
        AppError::new(
            ErrorKind::Unprocessable,
            refused.code(),
            refused.to_string(),
        )
    };
    let capacity = property.capacity.max_guests;
    let party =
        PaymentCalculationService::party(q.adults, &q.children_ages, capacity).map_err(refused)?;
    pricing
        .quote(
            PricedProperty {
                rates,
                tourist_tax: tax,
                capacity,
            },
            stay,
            &party,
            today,
        )
        .map_err(refused)
}

/// The quote of a stay, for anyone who may see the property; 422 with a stable code when
/// it cannot be booked (dates taken, minimum stay, arrival day, capacity, past, too long).
#[doc(alias = "QuoteStayHandler")]
pub async fn quote_stay(
    app: &Properties,
    access: &Access,
    ctx: &Ctx,
    q: QuoteStayQuery,
) -> Result<Quote, AppError> {
    let property = app
        .repo
        .find_by_id(q.property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    access.view(&ctx.actor, &property).await?;
    let quoted = price(&property, &q, app.clock.today(), &app.pricing)?;
    if !app
        .calendar
        .is_free(property.id, &quoted.period.as_date_range())
        .await?
    {
        return Err(AppError::rule(
            UNAVAILABLE,
            "These dates are not available.",
        ));
    }
    Ok(quoted)
}
