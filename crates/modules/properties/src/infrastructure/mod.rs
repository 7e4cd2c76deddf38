//! The properties context's adapters: the `properties` schema, the calendar, iCal.

pub mod calendar;
pub mod feeds;
pub mod ical;
pub mod photos;
pub mod repository;
pub mod search;
pub mod sync_job;

pub use repository::PgPropertyRepository;
