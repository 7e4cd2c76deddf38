//! The availability calendar: occupations of a property, half-open date ranges.
//!
//! `OccupationsNeverOverlap`: two active occupations of one property never overlap (a
//! check-out day may be the next check-in day). The database enforces it with an
//! exclusion constraint; this module names the kinds of occupation.

use chrono::{DateTime, Utc};
use sejour_core::value_objects::DateRange;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Why dates are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OccupationKind {
    /// A booking (held by the reservations context).
    Reservation,
    /// The owner stays.
    OwnerStay,
    /// Maintenance or works.
    Maintenance,
    /// Imported from an external calendar (Airbnb, Booking.com, Abritel...).
    Imported,
}

impl OccupationKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            OccupationKind::Reservation => "reservation",
            OccupationKind::OwnerStay => "owner_stay",
            OccupationKind::Maintenance => "maintenance",
            OccupationKind::Imported => "imported",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [
            OccupationKind::Reservation,
            OccupationKind::OwnerStay,
            OccupationKind::Maintenance,
            OccupationKind::Imported,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// A span of dates during which a property is not available.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupation {
    /// The occupation's id.
    pub id: Uuid,
    /// The property.
    pub property_id: Uuid,
    /// The nights taken: [check-in, check-out).
    pub dates: DateRange,
    /// Why.
    pub kind: OccupationKind,
    /// What it refers to: a reservation id, an iCal event UID...
    pub reference: Option<String>,
    /// For imported blocks: the feed it came from.
    pub feed_id: Option<Uuid>,
    /// A note for staff (never shown publicly).
    pub note: Option<String>,
}

/// One event of an imported calendar feed: the nights it blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEvent {
    /// The event's `UID`, unique within the feed (e.g. `1418fb94e984-...@airbnb.com`).
    pub uid: String,
    /// The nights taken, `[start, end)`.
    pub dates: DateRange,
    /// The channel's `SUMMARY` ("Reserved", "Airbnb (Not available)", "CLOSED - Not
    /// available"), unescaped; `None` if absent or blank.
    pub summary: Option<String>,
}

/// An imported calendar (Airbnb, Booking.com...) with its last sync's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// Id.
    pub id: Uuid,
    /// The property it blocks.
    pub property_id: Uuid,
    /// A label (e.g. "Airbnb").
    pub name: String,
    /// The export URL on the other platform.
    pub url: String,
    /// When a sync was last tried.
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// When a sync last succeeded.
    pub last_success_at: Option<DateTime<Utc>>,
    /// The last failure, if the last attempt failed.
    pub last_error: Option<String>,
    /// Events not written at the last success because they conflicted.
    pub last_conflicts: i32,
    /// When it was registered.
    pub created_at: DateTime<Utc>,
}

/// One of a feed's blocks as stored: the occupation, the event's UID, its dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedBlock {
    /// The occupation's id.
    pub occupation_id: Uuid,
    /// The event's UID.
    pub uid: String,
    /// Its nights.
    pub dates: DateRange,
}
