//! The properties context's use cases, its access policy, and the published interface
//! other contexts (reservations) use. The use cases work on the domain's ports
//! ([`Properties`]), never on a database.

pub mod access;
pub mod catalog;
pub mod commands;
pub mod fields;
pub mod queries;

use std::sync::Arc;

use sejour_core::{Clock, IdGenerator, UnitOfWork};

use crate::domain::{
    repositories::{CalendarRepository, IcalFeedRepository, PropertyRepository},
    services::PaymentCalculationService,
};

/// The ports every properties use case works on, wired once by the context's module.
#[derive(Clone)]
pub struct Properties {
    /// Business transactions.
    pub uow: Arc<dyn UnitOfWork>,
    /// Properties, their photos and events.
    pub repo: Arc<dyn PropertyRepository>,
    /// The availability calendar.
    pub calendar: Arc<dyn CalendarRepository>,
    /// Imported calendar feeds.
    pub feeds: Arc<dyn IcalFeedRepository>,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Identity.
    pub ids: Arc<dyn IdGenerator>,
    /// The price of a stay, under the agency's payment-schedule rules.
    pub pricing: PaymentCalculationService,
}
