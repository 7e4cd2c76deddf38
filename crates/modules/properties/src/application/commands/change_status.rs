//! `PublishPropertyCommand`, `UnpublishPropertyCommand`, `ArchivePropertyCommand`.

use sejour_core::{AppError, Ctx};
use uuid::Uuid;

use crate::application::{Properties, access::Access, fields::rule_violation};

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
#[doc(alias = "PublishPropertyHandler")]
pub async fn change_status(
    app: &Properties,
    access: &Access,
    ctx: &Ctx,
    id: Uuid,
    change: StatusChange,
) -> Result<(), AppError> {
    access.require_manager(&ctx.actor)?;
    let mut tx = app.uow.begin().await?;
    let mut property = app
        .repo
        .find_for_update(&mut tx, id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    match change {
        StatusChange::Publish => property.publish().map_err(|e| rule_violation(&e))?,
        StatusChange::Unpublish => property.unpublish(),
        StatusChange::Archive => property.archive(),
    }
    if !property.changes.has_changes() {
        return Ok(());
    }
    app.repo.save(&mut tx, ctx, &mut property).await?;
    app.uow.commit(tx).await
}
