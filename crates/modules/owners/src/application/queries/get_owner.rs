//! Get an owner: staff read any owner; an owner's user account reads its own record.

use std::sync::Arc;

use sejour_core::{
    AppError, Ctx, Role,
    authz::{ensure_visible, require_user},
};
use uuid::Uuid;

use crate::domain::{Owner, repositories::OwnerRepository};

/// Reads one owner.
#[derive(Clone)]
pub struct GetOwnerHandler {
    owners: Arc<dyn OwnerRepository>,
}

impl GetOwnerHandler {
    /// The use case on `owners`.
    pub fn new(owners: Arc<dyn OwnerRepository>) -> Self {
        Self { owners }
    }

    /// The owner `id`: 401 when nobody is signed in; 404 `owner.not_found` when there is
    /// no such owner or the caller may not see it (another owner's record, or a guest).
    pub async fn handle(&self, ctx: &Ctx, id: Uuid) -> Result<Owner, AppError> {
        let (_, role) = require_user(&ctx.actor)?;
        if !role.is_staff() && role != Role::Owner {
            // Not even a look-up: whether the owner exists is none of their business.
            return Err(AppError::not_found("owner"));
        }
        let owner = self
            .owners
            .find_by_id(id)
            .await?
            .ok_or_else(|| AppError::not_found("owner"))?;
        ensure_visible(&ctx.actor, owner, "owner")
    }
}
