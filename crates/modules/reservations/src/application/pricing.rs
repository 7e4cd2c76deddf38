//! The price of a stay as this context sees it: the catalogue's quote translated into a
//! [`PriceBreakdown`] (the anti-corruption layer over the properties context's published
//! quote), with the quote itself kept as shown.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::{AppError, value_objects::ReservationPeriod};
use sejour_properties::application::catalog::{PropertyCatalog, Quote, QuoteStayQuery};
use uuid::Uuid;

use super::Json;
use crate::domain::{Occupants, PriceBreakdown};

/// Prices stays.
#[async_trait]
pub trait StayPricing: Send + Sync + 'static {
    /// The price of `occupants` staying at `property_id` for `period`, as quoted, and the
    /// quote as shown; the catalogue's errors (404, 422 `quote.*`) as they are.
    async fn quote(
        &self,
        property_id: Uuid,
        period: ReservationPeriod,
        occupants: &Occupants,
    ) -> Result<(PriceBreakdown, Json), AppError>;
}

/// [`StayPricing`] through the catalogue's published interface.
pub struct CatalogPricing(pub Arc<dyn PropertyCatalog>);

#[async_trait]
impl StayPricing for CatalogPricing {
    async fn quote(
        &self,
        property_id: Uuid,
        period: ReservationPeriod,
        occupants: &Occupants,
    ) -> Result<(PriceBreakdown, Json), AppError> {
        let quote = self
            .0
            .quote(QuoteStayQuery {
                property_id,
                check_in: period.check_in(),
                check_out: period.check_out(),
                adults: occupants.adults(),
                children_ages: occupants.children_ages().to_vec(),
            })
            .await?;
        let shown = serde_json::to_value(&quote).map_err(AppError::internal)?;
        Ok((price_of(&quote), shown))
    }
}

/// The price of a stay from the properties quote, before any total set by hand.
fn price_of(quote: &Quote) -> PriceBreakdown {
    PriceBreakdown {
        currency: quote.currency,
        nights: quote.nights,
        rent: quote.rent,
        fees: quote.fees,
        tourist_tax: quote.tourist_tax.total,
        total: quote.total,
        quoted_total: quote.total,
        set_by_hand: false,
        security_deposit: quote.security_deposit,
        installments: quote.schedule.installments.clone(),
        cancellation_policy: quote.cancellation_policy,
    }
}
