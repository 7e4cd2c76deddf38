//! `ChangePasswordCommand`: the signed-in user changes their password; their other
//! sessions are revoked.

use sejour_core::{AppError, Ctx, FieldError, authz::require_user};
use uuid::Uuid;

use crate::{
    application::service::Auth, domain::AuthEvent, domain::RevokeReason,
    domain::events::PasswordChanged,
};

/// The change-password form.
#[derive(Debug, Clone)]
pub struct ChangePasswordCommand {
    /// The current password.
    pub current_password: String,
    /// The new password (checked against the policy).
    pub new_password: String,
}

/// Changes the password of the signed-in user, keeping `current_session` and revoking
/// every other one. 422 on a wrong current password or a weak new one.
#[doc(alias = "ChangePasswordHandler")]
pub async fn change_password(
    auth: &Auth,
    ctx: &Ctx,
    current_session: Option<Uuid>,
    cmd: ChangePasswordCommand,
) -> Result<(), AppError> {
    let (user_id, _) = require_user(&ctx.actor)?;
    let user = auth
        .users
        .get(user_id)
        .await?
        .ok_or_else(|| AppError::unauthenticated("Sign in again."))?;
    let hash = auth.credentials.password_hash(user_id).await?;
    if !auth.hasher.verify(&cmd.current_password, hash.as_deref()) {
        return Err(AppError::validation(vec![FieldError::new(
            "currentPassword",
            "auth.wrong_password",
            "The current password is wrong.",
        )]));
    }
    let new_hash = auth.strong_hash(&cmd.new_password, user.email.as_str(), "newPassword")?;
    let now = auth.clock.now();
    let mut tx = auth.uow.begin().await?;
    auth.credentials
        .set_password_hash(&mut tx, user_id, &new_hash, now)
        .await?;
    let revoked = auth
        .sessions
        .revoke_user_sessions(
            &mut tx,
            user_id,
            current_session,
            RevokeReason::PasswordChanged,
            now,
        )
        .await?;
    let event = AuthEvent::PasswordChanged(PasswordChanged {
        user_id,
        sessions_revoked: revoked,
    });
    auth.publish(&mut tx, ctx, event).await?;
    auth.uow.commit(tx).await?;
    Ok(())
}
