//! Get a user: staff read any account; anyone else only their own.

use sejour_core::{
    AppError, Ctx,
    authz::{ensure_visible, require_user},
};
use uuid::Uuid;

use crate::{application::Users, domain::User};

/// The user `id`: 401 when nobody is signed in; 404 `user.not_found` when there is no
/// such user or the caller may not see it (someone else's account, for non-staff).
#[doc(alias = "GetUserHandler")]
pub async fn get_user(app: &Users, ctx: &Ctx, id: Uuid) -> Result<User, AppError> {
    let (me, role) = require_user(&ctx.actor)?;
    if !role.is_staff() && id != me {
        // Not even a look-up: whether the account exists is none of their business.
        return Err(AppError::not_found("user"));
    }
    let user = app
        .users
        .find_by_id(id)
        .await?
        .ok_or_else(|| AppError::not_found("user"))?;
    ensure_visible(&ctx.actor, user, "user")
}
