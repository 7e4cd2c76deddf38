//! The properties context's adapters: the PostgreSQL repositories, photo files on the
//! object storage, iCal (export, parsing, fetching) and the scheduled feed sync.

pub mod ical;
pub mod photo_files;
pub mod repositories;
pub mod sync_job;

pub use repositories::{PgCalendarRepository, PgIcalFeedRepository, PgPropertyRepository};
