//! Half-open ranges of calendar dates.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Why a date range was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateRangeError {
    /// Start and end are the same day: the range would hold no day.
    #[error("date range {start}..{end} is empty: the end must be after the start")]
    Empty {
        /// First day.
        start: NaiveDate,
        /// Day after the last.
        end: NaiveDate,
    },
    /// The end comes before the start.
    #[error("date range {start}..{end} ends before it starts")]
    EndBeforeStart {
        /// First day.
        start: NaiveDate,
        /// Day after the last.
        end: NaiveDate,
    },
}

impl DateRangeError {
    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty { .. } => "date_range.empty",
            Self::EndBeforeStart { .. } => "date_range.end_before_start",
        }
    }
}

/// A non-empty, half-open range of dates `[start, end)`: `end` itself is not in it.
///
/// So `2026-07-01..2026-07-08` holds seven days (seven nights of a stay), and a range
/// ending on a day never overlaps one starting that day. Serialized as
/// `{"start": "2026-07-01", "end": "2026-07-08"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "DateRangeRaw")]
pub struct DateRange {
    start: NaiveDate,
    end: NaiveDate,
}

/// The unchecked wire shape of [`DateRange`].
#[derive(Deserialize)]
struct DateRangeRaw {
    start: NaiveDate,
    end: NaiveDate,
}

impl TryFrom<DateRangeRaw> for DateRange {
    type Error = DateRangeError;

    fn try_from(raw: DateRangeRaw) -> Result<Self, Self::Error> {
        Self::new(raw.start, raw.end)
    }
}

impl DateRange {
    /// The range `[start, end)`; `start` must be strictly before `end`.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<Self, DateRangeError> {
        if start < end {
            Ok(Self { start, end })
        } else if start == end {
            Err(DateRangeError::Empty { start, end })
        } else {
            Err(DateRangeError::EndBeforeStart { start, end })
        }
    }

    /// First day of the range (included).
    pub const fn start(&self) -> NaiveDate {
        self.start
    }

    /// Day after the last day of the range (excluded).
    pub const fn end(&self) -> NaiveDate {
        self.end
    }

    /// Number of nights, i.e. `end - start` in days (always ≥ 1).
    pub fn nights(&self) -> i64 {
        self.end.signed_duration_since(self.start).num_days()
    }

    /// Number of days in the range; the same count as [`DateRange::nights`].
    pub fn days(&self) -> i64 {
        self.nights()
    }

    /// Whether `start <= date < end`.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date < self.end
    }

    /// Whether every day of `other` is also in `self`.
    pub fn contains_range(&self, other: &DateRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two ranges share at least one day (touching ranges do not).
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether one range ends exactly where the other starts.
    pub fn is_adjacent_to(&self, other: &DateRange) -> bool {
        self.end == other.start || other.end == self.start
    }

    /// The days both ranges share, if any.
    pub fn intersection(&self, other: &DateRange) -> Option<DateRange> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (start < end).then_some(DateRange { start, end })
    }

    /// Every day of the range, from `start` up to the day before `end`.
    pub fn iter_days(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let end = self.end;
        self.start.iter_days().take_while(move |day| *day < end)
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn day(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    fn range(from: (u32, u32), to: (u32, u32)) -> DateRange {
        DateRange::new(day(from.0, from.1), day(to.0, to.1)).unwrap()
    }

    #[test]
    fn given_start_before_end_when_creating_then_range_is_built() {
        let july = range((7, 1), (7, 8));
        assert_eq!(july.start(), day(7, 1));
        assert_eq!(july.end(), day(7, 8));
        assert_eq!(july.nights(), 7);
        assert_eq!(july.days(), 7);
        assert_eq!(july.to_string(), "2026-07-01..2026-07-08");
    }

    #[test]
    fn given_same_day_when_creating_then_empty_error() {
        let error = DateRange::new(day(7, 1), day(7, 1)).unwrap_err();
        assert_eq!(
            error,
            DateRangeError::Empty {
                start: day(7, 1),
                end: day(7, 1)
            }
        );
        assert_eq!(error.code(), "date_range.empty");
    }

    #[test]
    fn given_end_before_start_when_creating_then_error() {
        let error = DateRange::new(day(7, 8), day(7, 1)).unwrap_err();
        assert_eq!(error.code(), "date_range.end_before_start");
        assert_eq!(
            error.to_string(),
            "date range 2026-07-08..2026-07-01 ends before it starts"
        );
    }

    #[test]
    fn given_range_when_checking_contains_then_end_is_excluded() {
        let july = range((7, 1), (7, 8));
        assert!(july.contains(day(7, 1)));
        assert!(july.contains(day(7, 7)));
        assert!(!july.contains(day(7, 8)));
        assert!(!july.contains(day(6, 30)));
    }

    #[test]
    fn given_adjacent_ranges_then_they_touch_but_do_not_overlap() {
        let first = range((7, 1), (7, 8));
        let second = range((7, 8), (7, 15));
        assert!(!first.overlaps(&second));
        assert!(first.is_adjacent_to(&second));
        assert!(second.is_adjacent_to(&first));
        assert_eq!(first.intersection(&second), None);
    }

    #[test]
    fn given_overlapping_ranges_then_intersection_is_shared_days() {
        let first = range((7, 1), (7, 8));
        let second = range((7, 5), (7, 12));
        assert!(first.overlaps(&second));
        assert!(!first.is_adjacent_to(&second));
        assert_eq!(first.intersection(&second), Some(range((7, 5), (7, 8))));
        let inner = range((7, 2), (7, 3));
        assert!(first.contains_range(&inner));
        assert!(!inner.contains_range(&first));
        assert_eq!(first.intersection(&inner), Some(inner));
    }

    #[test]
    fn given_disjoint_ranges_then_no_overlap_nor_adjacency() {
        let first = range((7, 1), (7, 8));
        let later = range((8, 1), (8, 8));
        assert!(!first.overlaps(&later));
        assert!(!first.is_adjacent_to(&later));
        assert_eq!(first.intersection(&later), None);
    }

    #[test]
    fn given_range_when_iterating_days_then_every_night_is_listed() {
        let days: Vec<NaiveDate> = range((2, 27), (3, 2)).iter_days().collect();
        assert_eq!(days, vec![day(2, 27), day(2, 28), day(3, 1)]);
    }

    #[test]
    fn given_range_at_calendar_limit_when_iterating_then_no_panic() {
        let last = DateRange::new(NaiveDate::MAX.pred_opt().unwrap(), NaiveDate::MAX).unwrap();
        assert_eq!(last.iter_days().count(), 1);
        assert_eq!(last.nights(), 1);
    }

    #[test]
    fn given_range_when_serialized_then_iso_dates_and_validated_on_read() {
        let july = range((7, 1), (7, 8));
        let json = serde_json::to_value(july).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"start": "2026-07-01", "end": "2026-07-08"})
        );
        assert_eq!(serde_json::from_value::<DateRange>(json).unwrap(), july);
        assert!(
            serde_json::from_str::<DateRange>(r#"{"start":"2026-07-08","end":"2026-07-08"}"#)
                .is_err()
        );
        assert!(
            serde_json::from_str::<DateRange>(r#"{"start":"2026-07-08","end":"2026-07-01"}"#)
                .is_err()
        );
        assert!(
            serde_json::from_str::<DateRange>(r#"{"start":"2026-02-30","end":"2026-03-08"}"#)
                .is_err()
        );
    }
}
