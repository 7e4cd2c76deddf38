//! The auth context's domain events. None carries a password or a token.

use sejour_core::DomainEvent;
use serde::Serialize;
use uuid::Uuid;

/// Why a sign-in was refused (recorded, never shown to the caller).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LoginFailure {
    /// No account has this email.
    UnknownEmail,
    /// The password did not match.
    WrongPassword,
    /// The account is disabled.
    Disabled,
}

/// Something that happened to someone's sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum AuthEvent {
    /// A guest created their account.
    #[serde(rename_all = "camelCase")]
    Registered { user_id: Uuid },
    /// A sign-in succeeded and opened a session.
    #[serde(rename_all = "camelCase")]
    LoginSucceeded { user_id: Uuid, session_id: Uuid },
    /// A sign-in was refused.
    #[serde(rename_all = "camelCase")]
    LoginFailed {
        user_id: Option<Uuid>,
        email: String,
        reason: LoginFailure,
    },
    /// A session was closed by its user.
    #[serde(rename_all = "camelCase")]
    LoggedOut { user_id: Uuid, session_id: Uuid },
    /// A spent refresh token was presented again: its session was revoked.
    #[serde(rename_all = "camelCase")]
    RefreshTokenReuseDetected { user_id: Uuid, session_id: Uuid },
    /// A user changed their password; their other sessions were revoked.
    #[serde(rename_all = "camelCase")]
    PasswordChanged {
        user_id: Uuid,
        sessions_revoked: u64,
    },
    /// A password reset was requested for an existing account.
    #[serde(rename_all = "camelCase")]
    PasswordResetRequested { user_id: Uuid },
    /// A password was reset with an emailed token; every session was revoked.
    #[serde(rename_all = "camelCase")]
    PasswordReset {
        user_id: Uuid,
        sessions_revoked: u64,
    },
}

impl DomainEvent for AuthEvent {
    fn event_type(&self) -> &'static str {
        match self {
            AuthEvent::Registered { .. } => "auth.Registered",
            AuthEvent::LoginSucceeded { .. } => "auth.LoginSucceeded",
            AuthEvent::LoginFailed { .. } => "auth.LoginFailed",
            AuthEvent::LoggedOut { .. } => "auth.LoggedOut",
            AuthEvent::RefreshTokenReuseDetected { .. } => "auth.RefreshTokenReuseDetected",
            AuthEvent::PasswordChanged { .. } => "auth.PasswordChanged",
            AuthEvent::PasswordResetRequested { .. } => "auth.PasswordResetRequested",
            AuthEvent::PasswordReset { .. } => "auth.PasswordReset",
        }
    }

    fn aggregate_type(&self) -> &'static str {
        "user"
    }

    fn aggregate_id(&self) -> String {
        match self {
            AuthEvent::Registered { user_id }
            | AuthEvent::LoginSucceeded { user_id, .. }
            | AuthEvent::LoggedOut { user_id, .. }
            | AuthEvent::RefreshTokenReuseDetected { user_id, .. }
            | AuthEvent::PasswordChanged { user_id, .. }
            | AuthEvent::PasswordResetRequested { user_id }
            | AuthEvent::PasswordReset { user_id, .. } => user_id.to_string(),
            AuthEvent::LoginFailed { user_id, email, .. } => user_id
                .map(|id| id.to_string())
                .unwrap_or_else(|| email.clone()),
        }
    }
}
