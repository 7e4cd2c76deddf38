//! The queries: the seed's three, and the events timeline.

pub mod get_customer_reservations;
pub mod get_reservation;
pub mod preview_cancellation;
pub mod reservation_events;
pub mod search_reservations;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Record;

/// Where a page of reservations ends: the next page holds those created before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationCursor {
    /// The last reservation's creation time.
    #[serde(rename = "c")]
    pub created_at: DateTime<Utc>,
    /// The last reservation's id.
    #[serde(rename = "i")]
    pub id: Uuid,
}

impl From<&Record> for ReservationCursor {
    fn from(record: &Record) -> Self {
        let s = record.reservation.snapshot();
        Self {
            created_at: s.created_at,
            id: s.id,
        }
    }
}

/// One page of reservations, newest first.
#[derive(Debug, Clone)]
pub struct ReservationsPage {
    /// The reservations.
    pub items: Vec<Record>,
    /// Where the next (older) page starts, when there is one.
    pub next_cursor: Option<ReservationCursor>,
}
