//! `QuoteStayQuery` (the seed's PaymentCalculationService at the edge): the price of a
//! stay at a property, line by line, with its payment schedule — or why it cannot be
//! booked.

use chrono::NaiveDate;
use sejour_core::{AppError, Ctx, ErrorKind, value_objects::ReservationPeriod};

use crate::{
    application::access::Access,
    domain::{
        pricing::{Quote, ScheduleRules, quote},
        property::Property,
    },
    infrastructure::{PgPropertyRepository, calendar},
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
    rules: &ScheduleRules,
) -> Result<Quote, AppError> {
    let stay = ReservationPeriod::new(q.check_in, q.check_out)
        .map_err(|e| AppError::rule(e.code(), e.to_string()))?;
    let (Some(rates), Some(tax)) = (&property.rates, &property.tourist_tax) else {
        return Err(AppError::rule(
            "quote.no_rates",
            "This property has no rates yet.",
        ));
    };
    // The agency collects under a mandate unless told otherwise: the cautious schedule.
    quote(
        rates,
        tax,
        stay,
        q.adults,
        &q.children_ages,
        today,
        property.capacity.max_guests,
        rules,
        true,
    )
    .map_err(|refused| {
        AppError::new(
            ErrorKind::Unprocessable,
            refused.code(),
            refused.to_string(),
        )
    })
}

/// The quote of a stay, for anyone who may see the property; 422 with a stable code when
/// it cannot be booked (dates taken, minimum stay, arrival day, capacity, past, too long).
pub async fn quote_stay(
    repo: &PgPropertyRepository,
    access: &Access,
    ctx: &Ctx,
    rules: &ScheduleRules,
    q: QuoteStayQuery,
) -> Result<Quote, AppError> {
    let property = repo
        .get(q.property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    access.view(&ctx.actor, &property).await?;
    let quoted = price(&property, &q, repo.clock().today(), rules)?;
    if !calendar::is_free(repo.pool(), property.id, &quoted.period.as_date_range()).await? {
        return Err(AppError::rule(
            UNAVAILABLE,
            "These dates are not available.",
        ));
    }
    Ok(quoted)
}
