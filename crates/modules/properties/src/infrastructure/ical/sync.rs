//! What one feed's latest events change in the calendar: the planning is the domain's
//! [`PropertyAvailabilityService`](crate::domain::services::PropertyAvailabilityService).

pub use crate::domain::services::availability::{SyncPlan, plan_sync};
