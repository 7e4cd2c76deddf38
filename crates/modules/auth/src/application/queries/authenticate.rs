//! `AuthenticateQuery`: who a bearer token belongs to, right now.

use sejour_core::{Actor, AppError, ErrorKind};
use uuid::Uuid;

use crate::application::service::Auth;

/// The caller behind a valid access token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authenticated {
    /// The actor, with the user's current role.
    pub actor: Actor,
    /// The session the token was issued in.
    pub session_id: Uuid,
}

/// Checks an access token: signature and expiry, then that its session is still open
/// and its user still enabled — so logout, reuse detection, a password reset or
/// disabling the account take effect at once. The role is the current one.
#[doc(alias = "AuthenticateHandler")]
#[doc(alias = "AuthenticateQuery")]
pub async fn authenticate(auth: &Auth, token: &str) -> Result<Authenticated, AppError> {
    let invalid = || {
        AppError::new(
            ErrorKind::Unauthenticated,
            "auth.invalid_token",
            "The access token is invalid or expired.",
        )
    };
    let claims = auth
        .tokens
        .verify(token, auth.clock.now())
        .ok_or_else(invalid)?;
    if !auth.sessions.session_is_active(claims.session_id).await? {
        return Err(invalid());
    }
    let user = auth
        .users
        .get(claims.user_id)
        .await?
        .filter(|u| !u.disabled)
        .ok_or_else(invalid)?;
    Ok(Authenticated {
        actor: Actor::User {
            id: user.id,
            role: user.role,
        },
        session_id: claims.session_id,
    })
}
