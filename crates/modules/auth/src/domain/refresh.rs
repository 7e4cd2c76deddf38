//! The refresh-token rotation rules.
//!
//! Each refresh token belongs to a session (its "family"). Presenting an active token
//! spends it and issues the next one in the family. `SpentTokenRevokesItsFamily`:
//! presenting an already spent token means it was stolen or replayed, so the whole
//! family is revoked — the newest token stops working too.

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// What is stored about a presented refresh token and its session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredRefreshToken {
    /// When the token stops being valid.
    pub expires_at: DateTime<Utc>,
    /// When it was spent (rotated), if it was.
    pub spent_at: Option<DateTime<Utc>>,
    /// When its session was revoked, if it was.
    pub session_revoked_at: Option<DateTime<Utc>>,
}

/// A presented refresh token, as found (and locked) in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresentedToken {
    /// Its session.
    pub session_id: Uuid,
    /// Its user.
    pub user_id: Uuid,
    /// Its state.
    pub state: StoredRefreshToken,
}

/// Why sessions are revoked (stored with the session).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevokeReason {
    /// The user signed out.
    Logout,
    /// A spent refresh token was presented again.
    ReuseDetected,
    /// The user changed their password.
    PasswordChanged,
    /// The password was reset by email.
    PasswordReset,
}

impl RevokeReason {
    /// Its stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            RevokeReason::Logout => "logout",
            RevokeReason::ReuseDetected => "reuse_detected",
            RevokeReason::PasswordChanged => "password_changed",
            RevokeReason::PasswordReset => "password_reset",
        }
    }
}

/// What to do with a presented refresh token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefreshDecision {
    /// Spend it and issue the next token of the family.
    Rotate,
    /// It was already spent: revoke the family (`SpentTokenRevokesItsFamily`).
    RevokeFamily,
    /// Expired, or its session is revoked: refuse.
    Refuse,
}

/// Decides what a presented refresh token allows at `now`.
pub fn decide_refresh(token: StoredRefreshToken, now: DateTime<Utc>) -> RefreshDecision {
    if token.spent_at.is_some() {
        return if token.session_revoked_at.is_some() {
            RefreshDecision::Refuse
        } else {
            RefreshDecision::RevokeFamily
        };
    }
    if token.session_revoked_at.is_some() || token.expires_at <= now {
        return RefreshDecision::Refuse;
    }
    RefreshDecision::Rotate
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn now() -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap_or_default()
    }

    fn token(spent: bool, revoked: bool, expires_in: i64) -> StoredRefreshToken {
        StoredRefreshToken {
            expires_at: now() + Duration::seconds(expires_in),
            spent_at: spent.then(now),
            session_revoked_at: revoked.then(now),
        }
    }

    #[test]
    fn an_active_token_rotates() {
        assert_eq!(
            decide_refresh(token(false, false, 60), now()),
            RefreshDecision::Rotate
        );
    }

    #[test]
    fn a_spent_token_revokes_its_family() {
        assert_eq!(
            decide_refresh(token(true, false, 60), now()),
            RefreshDecision::RevokeFamily
        );
    }

    #[test]
    fn a_spent_token_of_a_revoked_family_is_only_refused() {
        assert_eq!(
            decide_refresh(token(true, true, 60), now()),
            RefreshDecision::Refuse
        );
    }

    #[test]
    fn an_expired_or_revoked_token_is_refused() {
        assert_eq!(
            decide_refresh(token(false, false, 0), now()),
            RefreshDecision::Refuse
        );
        assert_eq!(
            decide_refresh(token(false, true, 60), now()),
            RefreshDecision::Refuse
        );
    }
}
