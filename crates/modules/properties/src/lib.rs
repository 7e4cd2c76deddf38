//! The properties context: the catalogue (properties, owners' shares, photos), rates and
//! the French tourist tax, the availability calendar shared with reservations, quotes,
//! public search and iCal synchronisation.

pub mod application;
pub mod domain;
pub mod infrastructure;
mod module;
pub mod presentation;
pub mod published_language;

pub use module::{catalog, module, properties};

/// This context's migrations (the `properties` schema).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");
