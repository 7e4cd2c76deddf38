//! Queries: read, never write.

pub mod export_calendar;
pub mod get_calendar;
pub mod get_property;
pub mod list_properties;
pub mod quote_stay;
pub mod search_properties;
