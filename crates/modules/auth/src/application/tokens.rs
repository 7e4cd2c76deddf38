//! The token pair a sign-in or a refresh returns.

use sejour_core::{AppError, Role, Tx};
use uuid::Uuid;

use super::{ports::AccessClaims, service::Auth};

/// An access token and the refresh token that renews it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenPair {
    /// The short-lived bearer token.
    pub access_token: String,
    /// The one-time token that gets the next pair.
    pub refresh_token: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
}

impl Auth {
    /// Issues an access token and adds a fresh refresh token to `session_id` (opening
    /// the session when `new_session`), inside the caller's transaction.
    pub(crate) async fn issue_pair(
        &self,
        tx: &mut Tx,
        user_id: Uuid,
        role: Role,
        session_id: Uuid,
        new_session: bool,
    ) -> Result<TokenPair, AppError> {
        let now = self.clock.now();
        let refresh_token = self.secrets.new_token();
        let hash = self.secrets.hash(&refresh_token);
        let refresh_expires = now + self.policy.refresh_ttl;
        if new_session {
            self.sessions
                .open_session(tx, session_id, user_id, &hash, now, refresh_expires)
                .await?;
        } else {
            self.sessions
                .add_refresh_token(tx, session_id, user_id, &hash, now, refresh_expires)
                .await?;
        }
        let claims = AccessClaims {
            user_id,
            session_id,
            role,
            issued_at: now,
            expires_at: now + self.policy.access_ttl,
        };
        Ok(TokenPair {
            access_token: self.tokens.issue(&claims)?,
            refresh_token,
            expires_in: self.policy.access_ttl.num_seconds(),
        })
    }
}
