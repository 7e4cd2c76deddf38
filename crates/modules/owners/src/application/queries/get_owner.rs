//! Get an owner: staff read any owner; an owner's user account reads its own record.

use sejour_core::{
    AppError, Ctx, Role,
    authz::{ensure_visible, require_user},
};
use uuid::Uuid;

use crate::{domain::Owner, infrastructure::PgOwnerRepository};

/// The owner `id`: 401 when nobody is signed in; 404 `owner.not_found` when there is no
/// such owner or the caller may not see it (another owner's record, or a guest).
pub async fn get_owner(owners: &PgOwnerRepository, ctx: &Ctx, id: Uuid) -> Result<Owner, AppError> {
    let (_, role) = require_user(&ctx.actor)?;
    if !role.is_staff() && role != Role::Owner {
        // Not even a look-up: whether the owner exists is none of their business.
        return Err(AppError::not_found("owner"));
    }
    let owner = owners
        .get(id)
        .await?
        .ok_or_else(|| AppError::not_found("owner"))?;
    ensure_visible(&ctx.actor, owner, "owner")
}
