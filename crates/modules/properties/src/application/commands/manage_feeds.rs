//! `AddFeedCommand`, `RemoveFeedCommand`, `RotateIcalTokenCommand`.

use sejour_core::{AppError, Ctx, FieldError};
use uuid::Uuid;

use crate::{
    application::{Properties, access::Access},
    domain::calendar::Feed,
};

/// Registers an external calendar to import (staff); its first sync runs with the next
/// scheduled one (or at once through the sync route).
#[doc(alias = "AddFeedHandler")]
pub async fn add_feed(
    app: &Properties,
    access: &Access,
    ctx: &Ctx,
    property_id: Uuid,
    name: String,
    url: String,
) -> Result<Feed, AppError> {
    access.require_manager(&ctx.actor)?;
    let url = url.trim().to_owned();
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) || url.len() > 2000 {
        return Err(AppError::validation(vec![FieldError::new(
            "url",
            "ical.invalid_url",
            "The calendar's address must be an http(s) URL.",
        )]));
    }
    let name = name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 80 {
        return Err(AppError::validation(vec![FieldError::new(
            "name",
            "ical.invalid_name",
            "A name has 1 to 80 characters.",
        )]));
    }
    let mut tx = app.uow.begin().await?;
    app.repo
        .find_for_update(&mut tx, property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    let feed = Feed {
        id: app.ids.new_id(),
        property_id,
        name,
        url,
        last_attempt_at: None,
        last_success_at: None,
        last_error: None,
        last_conflicts: 0,
        created_at: app.clock.now(),
    };
    app.feeds.add(&mut tx, &feed).await?;
    app.uow.commit(tx).await?;
    Ok(feed)
}

/// Removes a feed and its blocks (staff).
#[doc(alias = "RemoveFeedHandler")]
pub async fn remove_feed(
    app: &Properties,
    access: &Access,
    ctx: &Ctx,
    property_id: Uuid,
    feed_id: Uuid,
) -> Result<(), AppError> {
    access.require_manager(&ctx.actor)?;
    let mut tx = app.uow.begin().await?;
    if !app.feeds.remove(&mut tx, property_id, feed_id).await? {
        return Err(AppError::not_found("feed"));
    }
    app.uow.commit(tx).await
}

/// Replaces the secret of the property's `.ics` export (staff); the old link stops
/// working. Returns the new token.
#[doc(alias = "RotateIcalTokenHandler")]
pub async fn rotate_ical_token(
    app: &Properties,
    access: &Access,
    ctx: &Ctx,
    property_id: Uuid,
) -> Result<String, AppError> {
    access.require_manager(&ctx.actor)?;
    app.repo
        .rotate_export_token(property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))
}
