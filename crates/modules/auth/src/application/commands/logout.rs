//! `LogoutCommand`: ends the session (refresh-token family) of a refresh token.

use sejour_core::{AppError, Ctx};

use crate::{
    application::service::Auth, domain::AuthEvent, domain::RevokeReason, domain::events::LoggedOut,
};

/// Revokes the family of `refresh_token`: its refresh tokens and the access tokens issued
/// in it stop working. Idempotent: an unknown or already revoked token is not an error.
#[doc(alias("LogoutCommand", "LogoutHandler"))]
pub async fn logout(auth: &Auth, ctx: &Ctx, refresh_token: &str) -> Result<(), AppError> {
    let now = auth.clock.now();
    let mut tx = auth.uow.begin().await?;
    let Some(presented) = auth
        .sessions
        .lock_refresh_token(&mut tx, &auth.secrets.hash(refresh_token))
        .await?
    else {
        return Ok(());
    };
    if auth
        .sessions
        .revoke_session(&mut tx, presented.session_id, RevokeReason::Logout, now)
        .await?
    {
        let event = AuthEvent::LoggedOut(LoggedOut {
            user_id: presented.user_id,
            session_id: presented.session_id,
        });
        auth.publish(&mut tx, ctx, event).await?;
    }
    auth.uow.commit(tx).await?;
    Ok(())
}
