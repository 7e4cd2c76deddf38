//! The auth context's rules, pure: password strength, refresh-token rotation, events,
//! and the repository ports.

pub mod events;
pub mod password_policy;
pub mod refresh;
pub mod repositories;

pub use events::{AuthEvent, LoginFailure};
pub use password_policy::{WeakPassword, password_must_be_strong};
pub use refresh::{
    PresentedToken, RefreshDecision, RevokeReason, StoredRefreshToken, decide_refresh,
};
pub use repositories::{CredentialRepository, PasswordResetRepository, SessionRepository};
