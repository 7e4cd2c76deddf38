//! The availability calendar: occupations of a property, half-open date ranges.
//!
//! `OccupationsNeverOverlap`: two active occupations of one property never overlap (a
//! check-out day may be the next check-in day). The database enforces it with an
//! exclusion constraint; this module names the kinds of occupation.

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
