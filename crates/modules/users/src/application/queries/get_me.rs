//! Get me: the signed-in user's own account.

use sejour_core::{AppError, Ctx, authz::require_user};

use crate::{application::Users, domain::User};

/// The signed-in user (401 when nobody is; 404 `user.not_found` if their account is gone).
#[doc(alias = "GetMeHandler")]
pub async fn get_me(app: &Users, ctx: &Ctx) -> Result<User, AppError> {
    let (me, _) = require_user(&ctx.actor)?;
    app.users
        .find_by_id(me)
        .await?
        .ok_or_else(|| AppError::not_found("user"))
}
