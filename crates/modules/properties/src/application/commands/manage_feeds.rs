//! `AddFeedCommand`, `RemoveFeedCommand`, `RotateIcalTokenCommand`.

use sejour_core::{AppError, Ctx, FieldError};
use sejour_infrastructure::{db::storage_error, secrets};
use uuid::Uuid;

use crate::{
    application::access::Access,
    infrastructure::{
        PgPropertyRepository,
        feeds::{self, Feed},
    },
};

/// Registers an external calendar to import (staff); its first sync runs with the next
/// scheduled one (or at once through the sync route).
pub async fn add_feed(
    repo: &PgPropertyRepository,
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
    let mut tx = repo.begin().await?;
    repo.get_for_update(&mut tx, property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    let feed = Feed {
        id: repo.ids().new_id(),
        property_id,
        name,
        url,
        last_attempt_at: None,
        last_success_at: None,
        last_error: None,
        last_conflicts: 0,
        created_at: repo.clock().now(),
    };
    feeds::add(&mut tx, &feed).await?;
    tx.commit().await.map_err(storage_error)?;
    Ok(feed)
}

/// Removes a feed and its blocks (staff).
pub async fn remove_feed(
    repo: &PgPropertyRepository,
    access: &Access,
    ctx: &Ctx,
    property_id: Uuid,
    feed_id: Uuid,
) -> Result<(), AppError> {
    access.require_manager(&ctx.actor)?;
    let mut tx = repo.begin().await?;
    if !feeds::remove(&mut tx, property_id, feed_id).await? {
        return Err(AppError::not_found("feed"));
    }
    tx.commit().await.map_err(storage_error)
}

/// Replaces the secret of the property's `.ics` export (staff); the old link stops
/// working. Returns the new token.
pub async fn rotate_ical_token(
    repo: &PgPropertyRepository,
    access: &Access,
    ctx: &Ctx,
    property_id: Uuid,
) -> Result<String, AppError> {
    access.require_manager(&ctx.actor)?;
    let token = secrets::new_token();
    let done = sqlx::query("UPDATE properties.properties SET ical_token = $2 WHERE id = $1")
        .bind(property_id)
        .bind(&token)
        .execute(repo.pool())
        .await
        .map_err(storage_error)?;
    if done.rows_affected() == 0 {
        return Err(AppError::not_found("property"));
    }
    Ok(token)
}
