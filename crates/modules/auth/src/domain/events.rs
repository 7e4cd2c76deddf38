//! The auth context's domain events. Each variant carries its payload struct from the
//! [`published_language`](crate::published_language). None carries a password or a
//! token.

use sejour_core::DomainEvent;
use serde::Serialize;

use crate::published_language as pl;
pub use crate::published_language::{
    LoggedOut, LoginFailed, LoginFailure, LoginSucceeded, PasswordChanged, PasswordReset,
    PasswordResetRequested, RefreshTokenReuseDetected, Registered,
};

/// Something that happened to someone's sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum AuthEvent {
    /// A guest created their account.
    Registered(Registered),
    /// A sign-in succeeded and opened a session.
    LoginSucceeded(LoginSucceeded),
    /// A sign-in was refused.
    LoginFailed(LoginFailed),
    /// A session was closed by its user.
    LoggedOut(LoggedOut),
    /// A spent refresh token was presented again: its session was revoked.
    RefreshTokenReuseDetected(RefreshTokenReuseDetected),
    /// A user changed their password; their other sessions were revoked.
    PasswordChanged(PasswordChanged),
    /// A password reset was requested for an existing account.
    PasswordResetRequested(PasswordResetRequested),
    /// A password was reset with an emailed token; every session was revoked.
    PasswordReset(PasswordReset),
}

impl DomainEvent for AuthEvent {
    fn event_type(&self) -> &'static str {
        match self {
            AuthEvent::Registered(_) => pl::REGISTERED,
            AuthEvent::LoginSucceeded(_) => pl::LOGIN_SUCCEEDED,
            AuthEvent::LoginFailed(_) => pl::LOGIN_FAILED,
            AuthEvent::LoggedOut(_) => pl::LOGGED_OUT,
            AuthEvent::RefreshTokenReuseDetected(_) => pl::REFRESH_TOKEN_REUSE_DETECTED,
            AuthEvent::PasswordChanged(_) => pl::PASSWORD_CHANGED,
            AuthEvent::PasswordResetRequested(_) => pl::PASSWORD_RESET_REQUESTED,
            AuthEvent::PasswordReset(_) => pl::PASSWORD_RESET,
        }
    }

    fn aggregate_type(&self) -> &'static str {
        pl::AGGREGATE_TYPE
    }

    fn aggregate_id(&self) -> String {
        match self {
            AuthEvent::Registered(Registered { user_id })
            | AuthEvent::LoginSucceeded(LoginSucceeded { user_id, .. })
            | AuthEvent::LoggedOut(LoggedOut { user_id, .. })
            | AuthEvent::RefreshTokenReuseDetected(RefreshTokenReuseDetected { user_id, .. })
            | AuthEvent::PasswordChanged(PasswordChanged { user_id, .. })
            | AuthEvent::PasswordResetRequested(PasswordResetRequested { user_id })
            | AuthEvent::PasswordReset(PasswordReset { user_id, .. }) => user_id.to_string(),
            AuthEvent::LoginFailed(LoginFailed { user_id, email, .. }) => user_id
                .map(|id| id.to_string())
                .unwrap_or_else(|| email.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    #[test]
    fn a_failed_sign_in_is_about_the_known_account_else_the_email() {
        let user_id = Uuid::from_u128(3);
        let event = AuthEvent::LoginFailed(LoginFailed {
            user_id: Some(user_id),
            email: "a@example.com".into(),
            reason: LoginFailure::WrongPassword,
        });
        assert_eq!(event.event_type(), "auth.LoginFailed");
        assert_eq!(event.aggregate_id(), user_id.to_string());
        let unknown = AuthEvent::LoginFailed(LoginFailed {
            user_id: None,
            email: "b@example.com".into(),
            reason: LoginFailure::UnknownEmail,
        });
        assert_eq!(unknown.aggregate_id(), "b@example.com");
    }
}
