//! `SyncFeedCommand`: bring one imported calendar's blocks in line with its feed.
//!
//! Imports never override another occupation (a confirmed reservation, an owner stay):
//! such events are reported as conflicts, not written. A feed that cannot be fetched or
//! parsed keeps its last state and records the error.

use std::collections::HashMap;

use sejour_core::{AppError, Ctx};
use sejour_infrastructure::db::storage_error;
use uuid::Uuid;

use crate::{
    domain::{
        calendar::{Occupation, OccupationKind},
        events::PropertyEvent,
    },
    infrastructure::{
        PgPropertyRepository, calendar, feeds,
        ical::{fetch::FeedFetcher, parse::parse_feed, sync::plan_sync},
    },
};

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Blocks written.
    pub inserted: usize,
    /// Blocks moved.
    pub updated: usize,
    /// Blocks removed.
    pub deleted: usize,
    /// Events not written because they overlap another occupation.
    pub conflicts: usize,
    /// Why the sync failed, if it did (the blocks were left as they were).
    pub error: Option<String>,
}

/// Syncs feed `feed_id`; `None` when there is no such feed.
pub async fn sync_feed(
    repo: &PgPropertyRepository,
    fetcher: &FeedFetcher,
    ctx: &Ctx,
    feed_id: Uuid,
) -> Result<Option<SyncReport>, AppError> {
    let Some(feed) = feeds::get(repo.pool(), feed_id).await? else {
        return Ok(None);
    };
    let now = repo.clock().now();
    let events = match fetcher.fetch(&feed.url).await {
        Ok(text) => parse_feed(&text).map_err(|e| format!("{}: {e}", e.code())),
        Err(e) => Err(format!("{}: {e}", e.code())),
    };
    let events = match events {
        Ok(events) => events,
        Err(error) => {
            tracing::warn!(feed = %feed_id, %error, "calendar feed sync failed");
            feeds::record_failure(repo.pool(), feed_id, now, &error).await?;
            return Ok(Some(SyncReport {
                error: Some(error),
                ..SyncReport::default()
            }));
        }
    };
    let mut tx = repo.begin().await?;
    // One sync of a property at a time.
    repo.get_for_update(&mut tx, feed.property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    let existing = feeds::blocks(&mut tx, feed_id).await?;
    let others = feeds::other_occupations(&mut tx, feed.property_id, feed_id).await?;
    let stored: Vec<(String, _)> = existing
        .iter()
        .map(|(_, uid, dates)| (uid.clone(), *dates))
        .collect();
    let plan = plan_sync(&stored, &events, &others);
    let ids: HashMap<&str, (Uuid, _)> = existing
        .iter()
        .map(|(id, uid, dates)| (uid.as_str(), (*id, *dates)))
        .collect();
    let removed: Vec<&str> = plan
        .to_delete
        .iter()
        .map(String::as_str)
        .chain(plan.to_update.iter().map(|(uid, _)| uid.as_str()))
        .collect();
    for uid in &removed {
        if let Some((id, dates)) = ids.get(uid)
            && calendar::release(&mut tx, feed.property_id, *id)
                .await?
                .is_some()
            && plan.to_delete.iter().any(|d| d == uid)
        {
            let event = PropertyEvent::AvailabilityReleased {
                property_id: feed.property_id,
                occupation_id: *id,
                start: dates.start(),
                end: dates.end(),
            };
            repo.publish(&mut tx, ctx, &event).await?;
        }
    }
    let written = plan
        .to_update
        .iter()
        .cloned()
        .chain(plan.to_insert.iter().map(|e| (e.uid.clone(), e.dates)));
    for (uid, dates) in written {
        let occupation = Occupation {
            id: repo.ids().new_id(),
            property_id: feed.property_id,
            dates,
            kind: OccupationKind::Imported,
            reference: Some(uid),
            feed_id: Some(feed_id),
            note: Some(feed.name.clone()),
        };
        calendar::occupy(&mut tx, &occupation, now).await?;
        let event = PropertyEvent::AvailabilityBlocked {
            property_id: feed.property_id,
            occupation_id: occupation.id,
            kind: OccupationKind::Imported.as_str().to_owned(),
            start: dates.start(),
            end: dates.end(),
        };
        repo.publish(&mut tx, ctx, &event).await?;
    }
    feeds::record_success(&mut tx, feed_id, now, plan.conflicts.len()).await?;
    tx.commit().await.map_err(storage_error)?;
    if !plan.conflicts.is_empty() {
        tracing::warn!(feed = %feed_id, conflicts = plan.conflicts.len(), "imported events overlap other occupations; not written");
    }
    Ok(Some(SyncReport {
        inserted: plan.to_insert.len(),
        updated: plan.to_update.len(),
        deleted: plan.to_delete.len(),
        conflicts: plan.conflicts.len(),
        error: None,
    }))
}
