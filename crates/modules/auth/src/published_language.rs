//! What other contexts may use of the auth context: the type names and payloads of the
//! events it publishes on the outbox. None carries a password or a token.
//!
//! Payloads are camelCase JSON objects tagged with `type` (the variant's camelCase
//! name), e.g. `auth.LoginSucceeded`:
//! `{"type": "loginSucceeded", "userId": "…", "sessionId": "…"}`.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// `auth.Registered`.
pub const REGISTERED: &str = "auth.Registered";
/// `auth.LoginSucceeded`.
pub const LOGIN_SUCCEEDED: &str = "auth.LoginSucceeded";
/// `auth.LoginFailed`.
pub const LOGIN_FAILED: &str = "auth.LoginFailed";
/// `auth.LoggedOut`.
pub const LOGGED_OUT: &str = "auth.LoggedOut";
/// `auth.RefreshTokenReuseDetected`.
pub const REFRESH_TOKEN_REUSE_DETECTED: &str = "auth.RefreshTokenReuseDetected";
/// `auth.PasswordChanged`.
pub const PASSWORD_CHANGED: &str = "auth.PasswordChanged";
/// `auth.PasswordResetRequested`.
pub const PASSWORD_RESET_REQUESTED: &str = "auth.PasswordResetRequested";
/// `auth.PasswordReset`.
pub const PASSWORD_RESET: &str = "auth.PasswordReset";
/// The aggregate type of every auth event (they are about a user).
pub const AGGREGATE_TYPE: &str = "user";

/// Why a sign-in was refused (recorded, never shown to the caller).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoginFailure {
    /// No account has this email.
    UnknownEmail,
    /// The password did not match.
    WrongPassword,
    /// The account is disabled.
    Disabled,
}

/// `auth.Registered`: a guest created their account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Registered {
    /// The new user.
    pub user_id: Uuid,
}

/// `auth.LoginSucceeded`: a sign-in succeeded and opened a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoginSucceeded {
    /// The user.
    pub user_id: Uuid,
    /// The session opened.
    pub session_id: Uuid,
}

/// `auth.LoginFailed`: a sign-in was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoginFailed {
    /// The account, when the email is known.
    pub user_id: Option<Uuid>,
    /// The email as given, trimmed and lower-cased.
    pub email: String,
    /// Why.
    pub reason: LoginFailure,
}

/// `auth.LoggedOut`: a session was closed by its user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoggedOut {
    /// The user.
    pub user_id: Uuid,
    /// The session closed.
    pub session_id: Uuid,
}

/// `auth.RefreshTokenReuseDetected`: a spent refresh token was presented again; its
/// session was revoked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefreshTokenReuseDetected {
    /// The user.
    pub user_id: Uuid,
    /// The session revoked.
    pub session_id: Uuid,
}

/// `auth.PasswordChanged`: a user changed their password; their other sessions were
/// revoked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PasswordChanged {
    /// The user.
    pub user_id: Uuid,
    /// How many sessions were revoked.
    pub sessions_revoked: u64,
}

/// `auth.PasswordResetRequested`: a password reset was requested for an existing
/// account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PasswordResetRequested {
    /// The user.
    pub user_id: Uuid,
}

/// `auth.PasswordReset`: a password was reset with an emailed token; every session was
/// revoked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PasswordReset {
    /// The user.
    pub user_id: Uuid,
    /// How many sessions were revoked.
    pub sessions_revoked: u64,
}
