//! Link an owner to a user account: staff let an account with the role `owner` read the
//! owner's record (and, through the other contexts, their properties and statements).
//! Part of `PATCH /owners/{id}` (`userId`); also used by `create_owner`.

use sejour_core::{AppError, Ctx, authz::require_staff};
use sejour_users::application::directory::UserDirectory;
use uuid::Uuid;

use sejour_core::ensure_version;

use crate::{
    application::OwnerPorts,
    domain::{Owner, OwnerError, UserToLink},
};

/// Which account to link; `None` unlinks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkOwnerUserCommand {
    /// Which owner.
    pub owner_id: Uuid,
    /// The account to link, or `None` to unlink the current one.
    pub user_id: Option<Uuid>,
    /// The version the caller read (`If-Match`); 412 if the owner changed since.
    pub expected_version: Option<i32>,
}

/// The account `user_id` as far as linking goes: 422 `owner.user_not_owner_role` when
/// there is no such account (the same answer as for an account of another role).
pub async fn user_to_link(
    users: &dyn UserDirectory,
    user_id: Uuid,
) -> Result<UserToLink, AppError> {
    users
        .get(user_id)
        .await?
        .map(|account| UserToLink {
            id: account.id,
            role: account.role,
        })
        .ok_or_else(|| OwnerError::UserNotOwnerRole.into())
}

/// Links (or, with `None`, unlinks) the account on the loaded `owner`.
pub(crate) fn apply_link(
    owner: &mut Owner,
    user: Option<UserToLink>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    match user {
        Some(user) => owner.link_user(user, now)?,
        None => owner.unlink_user(now),
    }
    Ok(())
}

/// Links owners to user accounts.
#[derive(Clone)]
pub struct LinkOwnerUserHandler {
    ports: OwnerPorts,
}

impl LinkOwnerUserHandler {
    /// The use case on `ports`.
    pub fn new(ports: OwnerPorts) -> Self {
        Self { ports }
    }

    /// Links the account to the owner, publishing `owners.OwnerLinkedToUser` (after
    /// `owners.OwnerUnlinkedFromUser` for an account it replaces), or unlinks it.
    ///
    /// Staff only (401/403); 404 for an unknown owner; 412 on a stale version; 422
    /// `owner.user_not_owner_role` when the account does not exist or is not an owner's;
    /// 409 `owner.user_already_linked` when it stands for another owner already.
    pub async fn handle(&self, ctx: &Ctx, command: LinkOwnerUserCommand) -> Result<(), AppError> {
        let ports = &self.ports;
        require_staff(&ctx.actor)?;
        let user = match command.user_id {
            Some(id) => Some(user_to_link(ports.users.as_ref(), id).await?),
            None => None,
        };
        let mut tx = ports.unit_of_work.begin().await?;
        let mut owner = ports
            .owners
            .find_for_update(&mut tx, command.owner_id)
            .await?
            .ok_or_else(|| AppError::not_found("owner"))?;
        ensure_version("owner", owner.version(), command.expected_version)?;
        apply_link(&mut owner, user, ports.clock.now())?;
        ports.owners.update(&mut tx, ctx, &mut owner).await?;
        ports.unit_of_work.commit(tx).await?;
        tracing::info!(owner_id = %owner.id(), user_id = ?owner.user_id(), "owner account link changed");
        Ok(())
    }
}
