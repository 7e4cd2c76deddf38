//! The properties context's repository traits (the seed's `PropertyRepository { findById,
//! save }` and its siblings). Writes take the business transaction ([`Tx`]) so that one use
//! case changes the property, its calendar and its outbox events all or nothing; plain reads
//! use their own connection.
//!
//! [`Tx`]: sejour_core::Tx

pub mod calendar;
pub mod feeds;
pub mod property;

pub use calendar::CalendarRepository;
pub use feeds::IcalFeedRepository;
pub use property::{ManagedFilter, PropertyRepository, PropertySummary};
