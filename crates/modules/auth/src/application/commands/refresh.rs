//! `RefreshCommand`: a refresh token → the next token pair of its family.

use sejour_core::{AppError, Ctx, ErrorKind};

use crate::{
    application::{service::Auth, tokens::TokenPair},
    domain::RevokeReason,
    domain::events::RefreshTokenReuseDetected,
    domain::{AuthEvent, RefreshDecision, decide_refresh},
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
#[doc(alias("RefreshCommand", "RefreshHandler"))]
pub async fn refresh(auth: &Auth, ctx: &Ctx, refresh_token: &str) -> Result<TokenPair, AppError> {
    let hash = auth.secrets.hash(refresh_token);
    let now = auth.clock.now();
    let mut tx = auth.uow.begin().await?;
    let Some(presented) = auth.sessions.lock_refresh_token(&mut tx, &hash).await? else {
        return Err(invalid());
    };
    match decide_refresh(presented.state, now) {
        RefreshDecision::Refuse => Err(invalid()),
        RefreshDecision::RevokeFamily => {
            auth.sessions
                .revoke_session(
                    &mut tx,
                    presented.session_id,
                    RevokeReason::ReuseDetected,
                    now,
                )
                .await?;
            let event = AuthEvent::RefreshTokenReuseDetected(RefreshTokenReuseDetected {
                user_id: presented.user_id,
                session_id: presented.session_id,
            });
            auth.publish(&mut tx, ctx, event).await?;
            auth.uow.commit(tx).await?;
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
            auth.sessions
                .spend_refresh_token(&mut tx, &hash, now)
                .await?;
            let pair = auth
                .issue_pair(&mut tx, user.id, user.role, presented.session_id, false)
                .await?;
            auth.uow.commit(tx).await?;
            Ok(pair)
        }
    }
}
