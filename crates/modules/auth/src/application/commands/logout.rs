//! `LogoutCommand`: ends the session (refresh-token family) of a refresh token.

use sejour_core::{AppError, Ctx};
use sejour_infrastructure::secrets;

use crate::{
    application::service::{Auth, storage},
    domain::AuthEvent,
    infrastructure::repository::{self, RevokeReason},
};

/// Revokes the family of `refresh_token`: its refresh tokens and the access tokens issued
/// in it stop working. Idempotent: an unknown or already revoked token is not an error.
pub async fn logout(auth: &Auth, ctx: &Ctx, refresh_token: &str) -> Result<(), AppError> {
    let now = auth.clock.now();
    let mut tx = auth.pool.begin().await.map_err(storage)?;
    let Some(presented) =
        repository::lock_refresh_token(&mut tx, &secrets::token_hash(refresh_token))
            .await
            .map_err(storage)?
    else {
        return Ok(());
    };
    if repository::revoke_session(&mut tx, presented.session_id, RevokeReason::Logout, now)
        .await
        .map_err(storage)?
    {
        let event = AuthEvent::LoggedOut {
            user_id: presented.user_id,
            session_id: presented.session_id,
        };
        auth.publish(&mut tx, ctx, &event).await?;
    }
    tx.commit().await.map_err(storage)?;
    Ok(())
}
