//! Reading a channel's iCalendar export (Airbnb, Booking.com, Abritel/Vrbo, any RFC 5545
//! feed) into date ranges.
//!
//! Dates, not times: a feed event becomes the half-open range of nights it takes.
//! - `DTSTART;VALUE=DATE` / `DTEND;VALUE=DATE` (what the channels send) are used as they
//!   are: `DTEND` is already the exclusive check-out day.
//! - A date-time (`DTSTART:20260710T150000Z`, with `TZID=` or floating) counts from its
//!   date as written (UTC's date for a `Z` value, the local date otherwise, no time-zone
//!   conversion); a `DTEND` date-time counts as its date if it is at midnight exactly,
//!   and as the next day if later: `10T15:00 → 15T11:00` gives `10..16`, the night of
//!   the 15th included. Channels that send times rarely mean them, and one night blocked
//!   too many is safer than a double booking.
//! - No `DTEND`: `DURATION` if present, else one night.
//! - `RRULE` is not expanded: no channel uses it for availability; the first occurrence
//!   counts.
//!
//! Cancelled events, events without a UID, events whose dates cannot be read or end on
//! or before their start, and repeated UIDs are skipped, not errors: they are listed in
//! [`ParsedFeed::skipped`].

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use icalendar::parser::{read_components, unfold};
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, EventStatus};
use sejour_core::value_objects::DateRange;

/// Why a document could not be read as a feed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IcalError {
    /// The document is not an iCalendar `VCALENDAR` (an HTML page, JSON, empty...).
    #[error("the document is not an iCalendar (no BEGIN:VCALENDAR)")]
    NotACalendar,
    /// It starts like a calendar but cannot be parsed (truncated, mismatched `END`...).
    #[error("malformed iCalendar: {0}")]
    Malformed(String),
}

impl IcalError {
    /// A stable, machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotACalendar => "ical.not_a_calendar",
            Self::Malformed(_) => "ical.malformed",
        }
    }
}

pub use crate::domain::calendar::FeedEvent;

/// Why an event of a feed was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkipReason {
    /// `STATUS:CANCELLED`.
    Cancelled,
    /// No `UID`.
    MissingUid,
    /// No `DTSTART`, or a date that cannot be read.
    InvalidDates,
    /// The end is on or before the start: no night taken.
    EmptyOrInverted,
    /// An earlier event of the feed has the same `UID`; the first one is kept.
    DuplicateUid,
}

impl SkipReason {
    /// A stable, machine-readable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cancelled => "cancelled",
            Self::MissingUid => "missing_uid",
            Self::InvalidDates => "invalid_dates",
            Self::EmptyOrInverted => "empty_or_inverted",
            Self::DuplicateUid => "duplicate_uid",
        }
    }
}

/// An event left out of a feed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedEvent {
    /// Its `UID`, if it has one.
    pub uid: Option<String>,
    /// Why it was left out.
    pub reason: SkipReason,
}

/// A feed read whole: the events kept (ordered by dates, then UID) and those left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedFeed {
    /// The events that block nights, one per UID.
    pub events: Vec<FeedEvent>,
    /// The events left out, in feed order.
    pub skipped: Vec<SkippedEvent>,
}

/// Reads a feed's events; skipped events are logged at debug level and dropped (see
/// [`parse_feed_report`] to get them).
pub fn parse_feed(text: &str) -> Result<Vec<FeedEvent>, IcalError> {
    let parsed = parse_feed_report(text)?;
    for skipped in &parsed.skipped {
        tracing::debug!(
            uid = skipped.uid.as_deref().unwrap_or(""),
            reason = skipped.reason.as_str(),
            "iCal feed event skipped"
        );
    }
    Ok(parsed.events)
}

/// Reads a feed's events and reports the ones left out.
///
/// Accepts CRLF or LF line endings, folded lines, a leading byte-order mark and blank
/// lines; fails with [`IcalError::NotACalendar`] if the document is not a `VCALENDAR`.
pub fn parse_feed_report(text: &str) -> Result<ParsedFeed, IcalError> {
    let normalized = normalize(text)?;
    let mut roots = read_components(&normalized)
        .map_err(|error| IcalError::Malformed(error_position(&error)))?;
    if roots
        .first()
        .is_none_or(|root| root.name.as_str() != "VCALENDAR")
    {
        return Err(IcalError::NotACalendar);
    }
    roots.truncate(1);
    let calendar = Calendar::from(roots);

    let mut parsed = ParsedFeed::default();
    let mut seen = std::collections::HashSet::new();
    for event in calendar.events() {
        let uid = event
            .get_uid()
            .map(str::trim)
            .filter(|uid| !uid.is_empty())
            .map(str::to_owned);
        let skip = |reason| SkippedEvent {
            uid: uid.clone(),
            reason,
        };
        if event.get_status() == Some(EventStatus::Cancelled) {
            parsed.skipped.push(skip(SkipReason::Cancelled));
            continue;
        }
        let Some(uid_value) = uid.clone() else {
            parsed.skipped.push(skip(SkipReason::MissingUid));
            continue;
        };
        let dates = match event_dates(event) {
            Ok(dates) => dates,
            Err(reason) => {
                parsed.skipped.push(skip(reason));
                continue;
            }
        };
        if !seen.insert(uid_value.clone()) {
            parsed.skipped.push(skip(SkipReason::DuplicateUid));
            continue;
        }
        let summary = event
            .get_summary()
            .map(str::trim)
            .filter(|summary| !summary.is_empty())
            .map(str::to_owned);
        parsed.events.push(FeedEvent {
            uid: uid_value,
            dates,
            summary,
        });
    }
    parsed
        .events
        .sort_by(|a, b| (a.dates, &a.uid).cmp(&(b.dates, &b.uid)));
    Ok(parsed)
}

/// Unfolds the lines, makes every line ending LF, and checks the document starts with
/// `BEGIN:VCALENDAR`.
fn normalize(text: &str) -> Result<String, IcalError> {
    if !starts_as_calendar(text) {
        return Err(IcalError::NotACalendar);
    }
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let mut unfolded = unfold(text).replace("\r\n", "\n");
    unfolded.truncate(unfolded.trim_end().len());
    unfolded.push('\n');
    Ok(unfolded)
}

/// Whether the document starts with `BEGIN:VCALENDAR` (after a byte-order mark and
/// blank space).
pub(crate) fn starts_as_calendar(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .get(..15)
        .is_some_and(|head| head.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
}

/// Where the parser stopped, without echoing the feed's content (it may hold guest data).
fn error_position(message: &str) -> String {
    let line = message
        .split_once("at line ")
        .map(|(_, rest)| {
            rest.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .filter(|line| !line.is_empty());
    match line {
        Some(line) => format!("syntax error at line {line} (after unfolding)"),
        None => "syntax error".to_owned(),
    }
}

/// The nights an event takes (see the module documentation for the rules).
fn event_dates(event: &icalendar::Event) -> Result<DateRange, SkipReason> {
    let start = event.get_start().ok_or(SkipReason::InvalidDates)?;
    let start_date = as_written(&start).date();
    let end_date = match event.properties().get("DTEND") {
        Some(_) => {
            let end = event.get_end().ok_or(SkipReason::InvalidDates)?;
            end_day(as_written(&end))
        }
        None => match event.property_value("DURATION") {
            Some(duration) => {
                let duration = parse_duration(duration).ok_or(SkipReason::InvalidDates)?;
                let end = as_written(&start)
                    .checked_add_signed(duration)
                    .ok_or(SkipReason::InvalidDates)?;
                end_day(end)
            }
            None => start_date
                .checked_add_days(Days::new(1))
                .ok_or(SkipReason::InvalidDates)?,
        },
    };
    DateRange::new(start_date, end_date).map_err(|_| SkipReason::EmptyOrInverted)
}

/// The exclusive end day of an end instant: its date at midnight, the next day after.
fn end_day(end: NaiveDateTime) -> NaiveDate {
    if end.time() == NaiveTime::MIN {
        end.date()
    } else {
        end.date()
            .checked_add_days(Days::new(1))
            .unwrap_or(end.date())
    }
}

/// The date and time of a `DATE` (at midnight) or `DATE-TIME` as written, without
/// time-zone conversion.
fn as_written(value: &DatePerhapsTime) -> NaiveDateTime {
    match value {
        DatePerhapsTime::Date(date) => date.and_time(NaiveTime::MIN),
        DatePerhapsTime::DateTime(CalendarDateTime::Floating(date_time)) => *date_time,
        DatePerhapsTime::DateTime(CalendarDateTime::Utc(date_time)) => date_time.naive_utc(),
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, .. }) => *date_time,
    }
}

/// Parses an RFC 5545 §3.3.6 duration (`P2D`, `P1W`, `PT36H`, `P1DT12H30M`, `-P1D`).
fn parse_duration(text: &str) -> Option<TimeDelta> {
    let text = text.trim();
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let mut total = TimeDelta::zero();
    let mut number = String::new();
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        match c.to_ascii_uppercase() {
            '0'..='9' => number.push(c),
            'T' if number.is_empty() && !in_time => in_time = true,
            unit => {
                let value: i64 = number.parse().ok()?;
                number.clear();
                let part = match (unit, in_time) {
                    ('W', false) => TimeDelta::try_weeks(value)?,
                    ('D', false) => TimeDelta::try_days(value)?,
                    ('H', true) => TimeDelta::try_hours(value)?,
                    ('M', true) => TimeDelta::try_minutes(value)?,
                    ('S', true) => TimeDelta::try_seconds(value)?,
                    _ => return None,
                };
                total = total.checked_add(&part)?;
                any = true;
            }
        }
    }
    if !number.is_empty() || !any {
        return None;
    }
    Some(if negative { -total } else { total })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_read_per_rfc_5545() {
        assert_eq!(parse_duration("P2D"), Some(TimeDelta::days(2)));
        assert_eq!(parse_duration("P1W"), Some(TimeDelta::weeks(1)));
        assert_eq!(parse_duration("PT36H"), Some(TimeDelta::hours(36)));
        assert_eq!(
            parse_duration("P1DT12H30M"),
            Some(TimeDelta::days(1) + TimeDelta::hours(12) + TimeDelta::minutes(30))
        );
        assert_eq!(parse_duration("-P1D"), Some(TimeDelta::days(-1)));
        assert_eq!(parse_duration("P"), None);
        assert_eq!(parse_duration("P1H"), None);
        assert_eq!(parse_duration("PT1D"), None);
        assert_eq!(parse_duration("P1"), None);
        assert_eq!(parse_duration("1D"), None);
    }

    #[test]
    fn end_instants_round_up_to_the_next_day_unless_midnight() {
        let day = NaiveDate::from_ymd_opt(2026, 7, 15).unwrap();
        assert_eq!(end_day(day.and_time(NaiveTime::MIN)), day);
        assert_eq!(
            end_day(day.and_hms_opt(11, 0, 0).unwrap()),
            day.succ_opt().unwrap()
        );
    }

    #[test]
    fn parser_errors_keep_the_position_only() {
        let error =
            read_components("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:guest 06 12\n").unwrap_err();
        assert_eq!(
            error_position(&error),
            "syntax error at line 2 (after unfolding)"
        );
        assert_eq!(error_position("nonsense"), "syntax error");
    }
}
