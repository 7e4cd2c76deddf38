//! The PostgreSQL implementations of the domain's repository traits.

pub mod pg_calendar_repository;
pub mod pg_ical_feed_repository;
pub mod pg_property_repository;
mod photos;
mod search;

pub use pg_calendar_repository::PgCalendarRepository;
pub use pg_ical_feed_repository::PgIcalFeedRepository;
pub use pg_property_repository::PgPropertyRepository;
