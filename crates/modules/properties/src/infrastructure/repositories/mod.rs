//! The PostgreSQL implementations of the domain's repository traits.

pub mod calendar;
pub mod feeds;
mod photos;
pub mod property;
mod search;

pub use calendar::PgCalendarRepository;
pub use feeds::PgIcalFeedRepository;
pub use property::PgPropertyRepository;
