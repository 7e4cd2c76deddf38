//! `PropertyAvailabilityService`: whether dates are free on a property's calendar, which
//! occupations staff may block and release, and what an iCal sync may write versus what
//! counts as a conflict. Pure: the calendar's occupations are given, no I/O.
//!
//! `OccupationsNeverOverlap` is enforced by the database (an exclusion constraint); this
//! service decides before writing, so that a conflict is reported instead of tripped.

use std::collections::{HashMap, HashSet};

use sejour_core::value_objects::DateRange;

use crate::domain::calendar::{FeedEvent, OccupationKind};

/// The seed's `PropertyAvailabilityService`: the calendar's rules, decided on the
/// occupations as read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PropertyAvailabilityService;

impl PropertyAvailabilityService {
    /// `StaffBlocksAreOwnerStaysOrMaintenance`: the occupations staff may block and
    /// release by hand (reservations come and go with their booking, imports with their
    /// feed).
    pub fn is_staff_block(kind: OccupationKind) -> bool {
        matches!(
            kind,
            OccupationKind::OwnerStay | OccupationKind::Maintenance
        )
    }

    /// Whether `dates` are free of every one of `occupations` (a check-out day may be
    /// the next check-in day).
    pub fn is_free(dates: &DateRange, occupations: &[DateRange]) -> bool {
        !overlaps_any(dates, occupations)
    }

    /// What an iCal sync may write and what counts as a conflict: see [`plan_sync`].
    pub fn plan_sync(
        existing_blocks: &[(String, DateRange)],
        feed: &[FeedEvent],
        other_occupations: &[DateRange],
    ) -> SyncPlan {
        plan_sync(existing_blocks, feed, other_occupations)
    }
}

/// The writes that bring one feed's imported blocks in line with its latest events.
///
/// Applying it leaves this feed's blocks overlapping neither each other nor any other
/// occupation. Apply it in one transaction, deletions first (`to_delete`, then the rows of
/// `to_update`) and new dates after: written in that order, no intermediate state
/// overlaps, so a non-deferred exclusion constraint never trips (an `UPDATE` in place can
/// trip it transiently when two blocks swap dates).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncPlan {
    /// New events to write as blocks, by start date.
    pub to_insert: Vec<FeedEvent>,
    /// Blocks (by event UID) whose dates changed, with their new dates, by start date.
    pub to_update: Vec<(String, DateRange)>,
    /// Blocks (by event UID) to remove: the event left the feed, or it moved onto dates
    /// that conflict (its old dates are no longer in the feed).
    pub to_delete: Vec<String>,
    /// Events not written because they overlap another occupation (a reservation, an
    /// owner stay, another feed's block) or an event of this feed written before them.
    pub conflicts: Vec<FeedEvent>,
}

impl SyncPlan {
    /// Whether the plan writes nothing (conflicts aside).
    pub fn writes_nothing(&self) -> bool {
        self.to_insert.is_empty() && self.to_update.is_empty() && self.to_delete.is_empty()
    }
}

/// Plans the sync of one feed.
///
/// - `existing_blocks`: this feed's blocks as stored, `(event UID, dates)`.
/// - `feed`: the feed's events as just parsed (a repeated UID counts once, the first).
/// - `other_occupations`: every other occupation of the property (reservations, owner
///   stays, maintenance, other feeds' blocks).
///
/// An event whose stored block has the same dates is left untouched (and reported in
/// `conflicts` too if it overlaps another occupation, which the database should never
/// allow). Other events, by start date, are inserted or updated unless they overlap
/// another occupation or an event of this feed kept before them: then they go to
/// `conflicts`, never written, and a stored block of theirs is deleted. Blocks whose UID
/// left the feed are deleted.
pub fn plan_sync(
    existing_blocks: &[(String, DateRange)],
    feed: &[FeedEvent],
    other_occupations: &[DateRange],
) -> SyncPlan {
    let mut existing: HashMap<&str, DateRange> = HashMap::with_capacity(existing_blocks.len());
    for (uid, dates) in existing_blocks {
        existing.entry(uid.as_str()).or_insert(*dates);
    }
    let mut seen = HashSet::with_capacity(feed.len());
    let events: Vec<&FeedEvent> = feed
        .iter()
        .filter(|event| seen.insert(event.uid.as_str()))
        .collect();

    let mut plan = SyncPlan::default();
    let mut kept: Vec<DateRange> = Vec::with_capacity(events.len());
    let mut changed = Vec::new();
    for event in events.iter().copied() {
        if existing.get(event.uid.as_str()) == Some(&event.dates) {
            kept.push(event.dates);
            if overlaps_any(&event.dates, other_occupations) {
                plan.conflicts.push(event.clone());
            }
        } else {
            changed.push(event);
        }
    }
    changed.sort_by(|a, b| (a.dates, &a.uid).cmp(&(b.dates, &b.uid)));

    for event in changed {
        let stored = existing.contains_key(event.uid.as_str());
        if overlaps_any(&event.dates, other_occupations) || overlaps_any(&event.dates, &kept) {
            if stored {
                plan.to_delete.push(event.uid.clone());
            }
            plan.conflicts.push(event.clone());
        } else {
            kept.push(event.dates);
            if stored {
                plan.to_update.push((event.uid.clone(), event.dates));
            } else {
                plan.to_insert.push(event.clone());
            }
        }
    }

    plan.to_delete.extend(
        existing
            .keys()
            .filter(|uid| !seen.contains(*uid))
            .map(|uid| (*uid).to_owned()),
    );
    plan.to_delete.sort();
    plan.conflicts
        .sort_by(|a, b| (a.dates, &a.uid).cmp(&(b.dates, &b.uid)));
    plan
}

fn overlaps_any(dates: &DateRange, others: &[DateRange]) -> bool {
    others.iter().any(|other| dates.overlaps(other))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn range(start: u32, end: u32) -> DateRange {
        let day = |d| NaiveDate::from_ymd_opt(2027, 7, d).unwrap_or_default();
        DateRange::new(day(start), day(end)).unwrap_or_else(|e| panic!("{e}"))
    }

    fn event(uid: &str, start: u32, end: u32) -> FeedEvent {
        FeedEvent {
            uid: uid.to_owned(),
            dates: range(start, end),
            summary: None,
        }
    }

    #[test]
    fn given_a_stay_when_it_touches_an_occupation_end_to_end_then_it_is_free() {
        let taken = [range(3, 10)];
        assert!(PropertyAvailabilityService::is_free(&range(10, 12), &taken));
        assert!(PropertyAvailabilityService::is_free(&range(1, 3), &taken));
        assert!(!PropertyAvailabilityService::is_free(&range(9, 11), &taken));
    }

    #[test]
    fn staff_block_owner_stays_and_maintenance_only() {
        assert!(PropertyAvailabilityService::is_staff_block(
            OccupationKind::OwnerStay
        ));
        assert!(PropertyAvailabilityService::is_staff_block(
            OccupationKind::Maintenance
        ));
        assert!(!PropertyAvailabilityService::is_staff_block(
            OccupationKind::Reservation
        ));
        assert!(!PropertyAvailabilityService::is_staff_block(
            OccupationKind::Imported
        ));
    }

    #[test]
    fn given_a_reservation_when_a_feed_event_overlaps_it_then_a_conflict_not_a_write() {
        let stored = [
            ("moved".to_owned(), range(1, 3)),
            ("gone".to_owned(), range(20, 22)),
        ];
        let feed = [
            event("new", 12, 14),
            event("moved", 5, 8),
            event("clash", 9, 11),
        ];
        let reservation = [range(10, 12)];
        let plan = PropertyAvailabilityService::plan_sync(&stored, &feed, &reservation);
        assert_eq!(plan.to_insert, vec![event("new", 12, 14)]);
        assert_eq!(plan.to_update, vec![("moved".to_owned(), range(5, 8))]);
        assert_eq!(plan.to_delete, vec!["gone".to_owned()]);
        assert_eq!(plan.conflicts, vec![event("clash", 9, 11)]);
    }
}
