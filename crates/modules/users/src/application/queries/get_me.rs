//! Get me: the signed-in user's own account.

use sejour_core::{AppError, Ctx, authz::require_user};

use crate::{domain::User, infrastructure::PgUserRepository};

/// The signed-in user (401 when nobody is; 404 `user.not_found` if their account is gone).
pub async fn get_me(users: &PgUserRepository, ctx: &Ctx) -> Result<User, AppError> {
    let (me, _) = require_user(&ctx.actor)?;
    users
        .get(me)
        .await?
        .ok_or_else(|| AppError::not_found("user"))
}
