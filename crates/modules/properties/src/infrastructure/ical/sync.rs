//! What one feed's latest events change in the calendar: pure planning, no I/O.

use std::collections::{HashMap, HashSet};

use sejour_core::value_objects::DateRange;

use super::parse::FeedEvent;

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
