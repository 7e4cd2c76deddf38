//! `SyncFeedCommand`: bring one imported calendar's blocks in line with its feed.
//!
//! Imports never override another occupation (a confirmed reservation, an owner stay):
//! such events are reported as conflicts, not written. A feed that cannot be fetched or
//! parsed keeps its last state and records the error.

use std::collections::HashMap;

use sejour_core::{AppError, Ctx};
use uuid::Uuid;

use crate::{
    application::Properties,
    domain::{
        calendar::{Occupation, OccupationKind},
        events::{AvailabilityBlocked, AvailabilityReleased, PropertyEvent},
        gateways::FeedSource,
        services::PropertyAvailabilityService,
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
#[doc(alias = "SyncFeedHandler")]
pub async fn sync_feed(
    app: &Properties,
    source: &dyn FeedSource,
    ctx: &Ctx,
    feed_id: Uuid,
) -> Result<Option<SyncReport>, AppError> {
    let Some(feed) = app.feeds.find_by_id(feed_id).await? else {
        return Ok(None);
    };
    let now = app.clock.now();
    let events = match source.events(&feed.url).await {
        Ok(events) => events,
        Err(error) => {
            tracing::warn!(feed = %feed_id, %error, "calendar feed sync failed");
            app.feeds.record_failure(feed_id, now, &error).await?;
            return Ok(Some(SyncReport {
                error: Some(error),
                ..SyncReport::default()
            }));
        }
    };
    let mut tx = app.uow.begin().await?;
    // One sync of a property at a time.
    app.repo
        .find_for_update(&mut tx, feed.property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    let existing = app.feeds.blocks(&mut tx, feed_id).await?;
    let others = app
        .feeds
        .other_occupations(&mut tx, feed.property_id, feed_id)
        .await?;
    let stored: Vec<(String, _)> = existing
        .iter()
        .map(|block| (block.uid.clone(), block.dates))
        .collect();
    let plan = PropertyAvailabilityService::plan_sync(&stored, &events, &others);
    let ids: HashMap<&str, (Uuid, _)> = existing
        .iter()
        .map(|block| (block.uid.as_str(), (block.occupation_id, block.dates)))
        .collect();
    let removed: Vec<&str> = plan
        .to_delete
        .iter()
        .map(String::as_str)
        .chain(plan.to_update.iter().map(|(uid, _)| uid.as_str()))
        .collect();
    for uid in &removed {
        if let Some((id, dates)) = ids.get(uid)
            && app
                .calendar
                .release(&mut tx, feed.property_id, *id)
                .await?
                .is_some()
            && plan.to_delete.iter().any(|d| d == uid)
        {
            let event = PropertyEvent::AvailabilityReleased(AvailabilityReleased {
                property_id: feed.property_id,
                occupation_id: *id,
                start: dates.start(),
                end: dates.end(),
            });
            app.repo.publish(&mut tx, ctx, &event).await?;
        }
    }
    let written = plan
        .to_update
        .iter()
        .cloned()
        .chain(plan.to_insert.iter().map(|e| (e.uid.clone(), e.dates)));
    for (uid, dates) in written {
        let occupation = Occupation {
            id: app.ids.new_id(),
            property_id: feed.property_id,
            dates,
            kind: OccupationKind::Imported,
            reference: Some(uid),
            feed_id: Some(feed_id),
            note: Some(feed.name.clone()),
        };
        app.calendar.occupy(&mut tx, &occupation).await?;
        let event = PropertyEvent::AvailabilityBlocked(AvailabilityBlocked {
            property_id: feed.property_id,
            occupation_id: occupation.id,
            kind: OccupationKind::Imported.as_str().to_owned(),
            start: dates.start(),
            end: dates.end(),
        });
        app.repo.publish(&mut tx, ctx, &event).await?;
    }
    app.feeds
        .record_success(&mut tx, feed_id, now, plan.conflicts.len())
        .await?;
    app.uow.commit(tx).await?;
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
