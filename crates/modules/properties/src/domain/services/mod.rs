//! The seed's named domain services of the properties context.

pub mod availability;
pub mod payment_calculation;

pub use availability::{PropertyAvailabilityService, SyncPlan};
pub use payment_calculation::{PaymentCalculationService, PricedProperty};
