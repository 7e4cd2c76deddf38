//! `PublishPropertyCommand`, `UnpublishPropertyCommand`, `ArchivePropertyCommand`.

use sejour_core::{AppError, Ctx};
use sejour_infrastructure::db::storage_error;
use uuid::Uuid;

use crate::{
    application::{access::Access, fields::rule_violation},
    infrastructure::PgPropertyRepository,
};

/// A status change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusChange {
    /// On sale (`PropertyCanBePublished`).
    Publish,
    /// Back to draft.
    Unpublish,
    /// Withdrawn.
    Archive,
}

/// Changes a property's status (staff only); 422 `property.not_ready_to_publish` naming
/// what is missing.
pub async fn change_status(
    repo: &PgPropertyRepository,
    access: &Access,
    ctx: &Ctx,
    id: Uuid,
    change: StatusChange,
) -> Result<(), AppError> {
    access.require_manager(&ctx.actor)?;
    let mut tx = repo.begin().await?;
    let mut property = repo
        .get_for_update(&mut tx, id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    match change {
        StatusChange::Publish => property.publish().map_err(|e| rule_violation(&e))?,
        StatusChange::Unpublish => property.unpublish(),
        StatusChange::Archive => property.archive(),
    }
    if property.events.is_empty() {
        return Ok(());
    }
    repo.update(&mut tx, ctx, &mut property).await?;
    tx.commit().await.map_err(storage_error)
}
