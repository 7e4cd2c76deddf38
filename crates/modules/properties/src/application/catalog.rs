//! The properties context's published interface for the reservations context: quote a
//! stay, and hold, move or release its dates on the shared calendar inside the caller's
//! transaction. Wired by the composition root; callers never touch our tables.
//!
//! The pricing types re-exported here are the published language of a quote: a caller
//! may keep a [`Quote`] and its [`CancellationPolicy`].

use async_trait::async_trait;
use sejour_core::{AppError, Tx, value_objects::DateRange};
use uuid::Uuid;

pub use super::queries::quote_stay::QuoteStayQuery;
pub use crate::domain::pricing::{
    CancellationPolicy, Installment, InstallmentKind, PricingError, Quote,
};

use super::{Properties, queries::quote_stay::price};
use crate::domain::{
    calendar::{Occupation, OccupationKind},
    property::PropertyStatus,
};

/// Who owns a property and where it is taxed, for the payments context's ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertyOwnership {
    /// The commune levying its tourist tax: its INSEE code (from the registration
    /// number) or else the postal code, then the city (`06088 Nice`).
    pub commune: String,
    /// The owners (owners-context ids) and their shares in basis points, summing to
    /// 10000 once published.
    pub shares: Vec<(Uuid, u32)>,
}

/// What reservations (and payments) may ask of the catalogue.
#[async_trait]
pub trait PropertyCatalog: Send + Sync + 'static {
    /// The quote of a stay at a published property (422 with the quote's codes; 404 when
    /// it is not on sale). Availability is not checked: holding the dates does it.
    async fn quote(&self, q: QuoteStayQuery) -> Result<Quote, AppError>;

    /// Takes `dates` for `reservation_id` in the caller's transaction; 409
    /// `calendar.period_unavailable` when they overlap anything.
    async fn hold(
        &self,
        tx: &mut Tx,
        property_id: Uuid,
        dates: DateRange,
        reservation_id: Uuid,
    ) -> Result<(), AppError>;

    /// Frees the dates of `reservation_id` in the caller's transaction.
    async fn release(&self, tx: &mut Tx, reservation_id: Uuid) -> Result<(), AppError>;

    /// The owners (owners-context ids) of a property.
    async fn owners_of(&self, property_id: Uuid) -> Result<Vec<Uuid>, AppError>;

    /// The properties an owner (owners-context id) has a share of.
    async fn properties_of(&self, owner_id: Uuid) -> Result<Vec<Uuid>, AppError>;

    /// Who owns a property and where it is taxed; `None` for an unknown property.
    async fn ownership(&self, property_id: Uuid) -> Result<Option<PropertyOwnership>, AppError>;
}

/// The catalogue over the context's ports (the calendar joins the caller's transaction).
#[derive(Clone)]
pub struct Catalog {
    app: Properties,
}

impl Catalog {
    /// The catalogue over the context's ports.
    pub fn new(app: Properties) -> Self {
        Self { app }
    }
}

#[async_trait]
impl PropertyCatalog for Catalog {
    async fn quote(&self, q: QuoteStayQuery) -> Result<Quote, AppError> {
        let property = self
            .app
            .repo
            .find_by_id(q.property_id)
            .await?
            .filter(|p| p.status == PropertyStatus::Published)
            .ok_or_else(|| AppError::not_found("property"))?;
        price(&property, &q, self.app.clock.today(), &self.app.pricing)
    }

    async fn hold(
        &self,
        tx: &mut Tx,
        property_id: Uuid,
        dates: DateRange,
        reservation_id: Uuid,
    ) -> Result<(), AppError> {
        let occupation = Occupation {
            id: self.app.ids.new_id(),
            property_id,
            dates,
            kind: OccupationKind::Reservation,
            reference: Some(reservation_id.to_string()),
            feed_id: None,
            note: None,
        };
        self.app.calendar.occupy(tx, &occupation).await
    }

    async fn release(&self, tx: &mut Tx, reservation_id: Uuid) -> Result<(), AppError> {
        self.app
            .calendar
            .release_reservation(tx, reservation_id)
            .await
            .map(|_| ())
    }

    async fn owners_of(&self, property_id: Uuid) -> Result<Vec<Uuid>, AppError> {
        Ok(self
            .app
            .repo
            .find_by_id(property_id)
            .await?
            .map(|p| p.owners.iter().map(|o| o.owner_id).collect())
            .unwrap_or_default())
    }

    async fn properties_of(&self, owner_id: Uuid) -> Result<Vec<Uuid>, AppError> {
        self.app.repo.ids_of_owner(owner_id).await
    }

    async fn ownership(&self, property_id: Uuid) -> Result<Option<PropertyOwnership>, AppError> {
        Ok(self.app.repo.find_by_id(property_id).await?.map(|p| {
            let code = p
                .registration_number
                .as_ref()
                .and_then(|n| n.as_str().get(..5))
                .unwrap_or(p.address.postal_code());
            PropertyOwnership {
                commune: format!("{code} {}", p.address.city()),
                shares: p.owners.iter().map(|o| (o.owner_id, o.share_bp)).collect(),
            }
        }))
    }
}
