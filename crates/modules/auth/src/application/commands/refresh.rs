//! `RefreshCommand`: a refresh token → the next token pair of its family.

use sejour_core::{AppError, Ctx, ErrorKind};
use sejour_infrastructure::secrets;

use crate::{
    application::{
        service::{Auth, storage},
        tokens::TokenPair,
    },
    domain::{AuthEvent, RefreshDecision, decide_refresh},
    infrastructure::repository::{self, RevokeReason},
};

fn invalid() -> AppError {
    AppError::new(
        ErrorKind::Unauthenticated,
        "auth.invalid_refresh_token",
        "The refresh token is not valid; sign in again.",
    )
}

/// Spends `refresh_token` and returns the next pair. A token presented a second time
/// revokes its whole family (401 `auth.refresh_token_reused`); unknown, expired or
/// revoked tokens and disabled accounts get 401 `auth.invalid_refresh_token`.
pub async fn refresh(auth: &Auth, ctx: &Ctx, refresh_token: &str) -> Result<TokenPair, AppError> {
    let hash = secrets::token_hash(refresh_token);
    let now = auth.clock.now();
    let mut tx = auth.pool.begin().await.map_err(storage)?;
    let Some(presented) = repository::lock_refresh_token(&mut tx, &hash)
        .await
        .map_err(storage)?
    else {
        return Err(invalid());
    };
    match decide_refresh(presented.state, now) {
        RefreshDecision::Refuse => Err(invalid()),
        RefreshDecision::RevokeFamily => {
            repository::revoke_session(
                &mut tx,
                presented.session_id,
                RevokeReason::ReuseDetected,
                now,
            )
            .await
            .map_err(storage)?;
            let event = AuthEvent::RefreshTokenReuseDetected {
                user_id: presented.user_id,
                session_id: presented.session_id,
            };
            auth.publish(&mut tx, ctx, &event).await?;
            tx.commit().await.map_err(storage)?;
            tracing::warn!(session = %presented.session_id, "refresh token reuse detected; session revoked");
            Err(AppError::new(
                ErrorKind::Unauthenticated,
                "auth.refresh_token_reused",
                "This refresh token was already used; every session it belongs to is now signed out.",
            ))
        }
        RefreshDecision::Rotate => {
            let user = auth
                .users
                .get(presented.user_id)
                .await?
                .filter(|u| !u.disabled)
                .ok_or_else(invalid)?;
            repository::spend_refresh_token(&mut tx, &hash, now)
                .await
                .map_err(storage)?;
            let pair = auth
                .issue_pair(&mut tx, user.id, user.role, presented.session_id, false)
                .await?;
            tx.commit().await.map_err(storage)?;
            Ok(pair)
        }
    }
}
