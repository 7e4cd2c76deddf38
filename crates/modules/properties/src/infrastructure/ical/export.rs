//! The published calendar of a property: `GET /api/v1/properties/{id}/calendar.ics`.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property};
use sejour_core::value_objects::DateRange;
use uuid::Uuid;

use crate::{
    application::queries::export_calendar::CalendarExport, domain::calendar::OccupationKind,
};

/// Our product identifier (RFC 5545 §3.7.3).
pub const PRODID: &str = "-//Séjour//Calendar//FR";

/// Summary of a range taken by a reservation.
pub const SUMMARY_RESERVED: &str = "Réservé";

/// Summary of a range blocked for any other reason (owner stay, works, another channel).
pub const SUMMARY_NOT_AVAILABLE: &str = "Not available";

/// One occupied range to publish.
///
/// Nothing in it can carry guest data: the summary is a fixed string and the UID is derived
/// from an id, never from a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportedRange {
    /// Makes the event's UID, `<uid_seed>@sejour`: use the occupation's id so the UID
    /// stays the same from one export to the next.
    pub uid_seed: Uuid,
    /// The nights taken, `[start, end)`; `end` is the exclusive `DTEND` of an all-day event.
    pub dates: DateRange,
    /// [`SUMMARY_RESERVED`] or [`SUMMARY_NOT_AVAILABLE`].
    pub summary: &'static str,
}

/// The event UID of an exported range.
pub fn export_uid(uid_seed: Uuid) -> String {
    format!("{uid_seed}@sejour")
}

/// Renders a property's occupied ranges as an RFC 5545 `VCALENDAR` (CRLF line endings,
/// lines folded at 75 octets, text escaped, control characters of the name replaced by
/// spaces).
///
/// Each range becomes an all-day `VEVENT`: `DTSTART;VALUE=DATE` is the first night and
/// `DTEND;VALUE=DATE` the check-out day (exclusive, exactly our half-open ranges).
/// `DTSTAMP` is `now`; events are ordered by start date then UID so that the output of
/// one state is always the same.
pub fn export_calendar(
    property_name: &str,
    property_id: Uuid,
    occupations: &[ExportedRange],
    now: DateTime<Utc>,
) -> String {
    let mut ranges: Vec<&ExportedRange> = occupations.iter().collect();
    ranges.sort_by_key(|range| (range.dates, range.uid_seed));

    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"))
        .append_property(Property::new("X-WR-CALNAME", one_line(property_name)))
        .append_property(("X-WR-RELCALID", export_uid(property_id).as_str()))
        .append_property(("X-PUBLISHED-TTL", "PT1H"));
    for range in ranges {
        calendar.push(
            Event::new()
                .uid(&export_uid(range.uid_seed))
                .timestamp(now)
                .starts(range.dates.start())
                .ends(range.dates.end())
                .summary(&one_line(range.summary))
                .add_property("TRANSP", "OPAQUE")
                .done(),
        );
    }
    refold(&calendar.done().to_string())
}

/// The published calendar of `export` for property `property_id`: reservations are
/// "reserved", every other occupation "not available", nothing about the guests.
pub fn render_export(property_id: Uuid, export: &CalendarExport) -> String {
    let ranges: Vec<ExportedRange> = export
        .occupations
        .iter()
        .map(|o| ExportedRange {
            uid_seed: o.id,
            dates: o.dates,
            summary: if o.kind == OccupationKind::Reservation {
                SUMMARY_RESERVED
            } else {
                SUMMARY_NOT_AVAILABLE
            },
        })
        .collect();
    export_calendar(&export.name, property_id, &ranges, export.generated_at)
}

/// Folds every content line at 75 octets (RFC 5545 §3.1), on character boundaries.
///
/// `icalendar` 0.17.17 escapes and folds, but lets the last continuation of a long line
/// reach 76 octets (a space plus 75) when 75 octets are left over; its output is
/// unfolded and folded again here.
fn refold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 32);
    for line in text.replace("\r\n ", "").split_terminator("\r\n") {
        let mut rest = line;
        let mut room = 75;
        while rest.len() > room {
            let mut cut = room;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            let (head, tail) = rest.split_at(cut);
            out.push_str(head);
            out.push_str("\r\n ");
            rest = tail;
            room = 74;
        }
        out.push_str(rest);
        out.push_str("\r\n");
    }
    out
}

/// The text on one line: control characters (CR, LF, tab...) become spaces, so that no
/// value can break the content-line structure.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refolded_lines_never_exceed_75_octets_and_unfold_back() {
        for len in [0, 74, 75, 76, 149, 150, 151, 300] {
            for unit in ["a", "é", "€", "🌀"] {
                let line = format!("X-WR-CALNAME:{}", unit.repeat(len / unit.len()));
                let folded = refold(&format!("{line}\r\n"));
                assert!(folded.ends_with("\r\n"));
                assert!(folded.split("\r\n").all(|l| l.len() <= 75), "{folded:?}");
                assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
            }
        }
    }
}
