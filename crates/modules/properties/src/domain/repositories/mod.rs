//! The properties context's repository traits (the seed's `PropertyRepository { findById,
//! save }` and its siblings). Writes take the business transaction ([`Tx`]) so that one use
//! case changes the property, its calendar and its outbox events all or nothing; plain reads
//! use their own connection.
//!
//! [`Tx`]: sejour_core::Tx

pub mod calendar_repository;
pub mod ical_feed_repository;
pub mod property_repository;

pub use calendar_repository::CalendarRepository;
pub use ical_feed_repository::IcalFeedRepository;
pub use property_repository::{ManagedFilter, PropertyRepository, PropertySummary};
