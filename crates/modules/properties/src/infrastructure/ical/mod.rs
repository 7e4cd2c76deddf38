//! iCalendar (RFC 5545) synchronisation with the channels (Airbnb, Booking.com, Abritel...).
//!
//! - [`export`]: a property's occupied ranges as a published calendar, with no guest data.
//! - [`parse`]: a channel's export read into [`FeedEvent`]s (dates only, half-open).
//! - [`fetch`]: [`FeedFetcher`], the bounded HTTP download of a feed.
//! - [`sync`]: [`plan_sync`], what to insert, update and delete, and what conflicts.
//!
//! Formatting and parsing (content lines, folding, escaping) are done by the `icalendar`
//! crate; this module only maps between its events and our [`DateRange`]s.
//!
//! [`DateRange`]: sejour_core::value_objects::DateRange

pub mod export;
pub mod fetch;
pub mod parse;
pub mod sync;

pub use export::{
    ExportedRange, PRODID, SUMMARY_NOT_AVAILABLE, SUMMARY_RESERVED, export_calendar, export_uid,
};
pub use fetch::{FeedError, FeedFetcher, FetcherConfig, USER_AGENT, is_public};
pub use parse::{
    FeedEvent, IcalError, ParsedFeed, SkipReason, SkippedEvent, parse_feed, parse_feed_report,
};
pub use sync::{SyncPlan, plan_sync};
