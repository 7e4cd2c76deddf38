//! Update a user: an administrator changes someone's role or disables/enables them.

use sejour_core::{AppError, Ctx, Role, authz::require_role, ensure_version};
use uuid::Uuid;

use crate::application::Users;

/// The changes to a user's account; `None` leaves a field as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateUserCommand {
    /// Whose account.
    pub user_id: Uuid,
    /// A new role.
    pub role: Option<Role>,
    /// Disable (`true`) or enable (`false`) the account.
    pub disabled: Option<bool>,
    /// The version the caller read (`If-Match`); 412 if the user changed since.
    pub expected_version: Option<i32>,
}

/// Applies `command`, publishing `users.UserRoleChanged`, `users.UserDisabled` or
/// `users.UserEnabled` for what actually changed.
///
/// Administrators only (401/403); 404 for an unknown user; 412 on a stale version; 422
/// `user.cannot_change_own_role` / `user.cannot_disable_self` when an administrator
/// would demote or disable themself.
#[doc(alias = "UpdateUserHandler")]
pub async fn update_user(
    app: &Users,
    ctx: &Ctx,
    command: UpdateUserCommand,
) -> Result<(), AppError> {
    let (admin, _) = require_role(&ctx.actor, &[Role::Admin])?;
    let mut tx = app.uow.begin().await?;
    let mut user = app
        .users
        .find_by_id_for_update(&mut tx, command.user_id)
        .await?
        .ok_or_else(|| AppError::not_found("user"))?;
    ensure_version("user", user.version(), command.expected_version)?;
    let now = app.clock.now();
    if let Some(role) = command.role {
        user.change_role(admin, role, now)?;
    }
    match command.disabled {
        Some(true) => user.disable(admin, now)?,
        Some(false) => user.enable(now),
        None => {}
    }
    let events = user.pending_events().len();
    app.users.update(&mut tx, ctx, &mut user).await?;
    app.uow.commit(tx).await?;
    if events > 0 {
        tracing::info!(user_id = %user.id(), role = %user.role(), disabled = user.is_disabled(),
            "user updated by an administrator");
    }
    Ok(())
}
