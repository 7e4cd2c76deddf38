//! The auth context's rules, pure: password strength, refresh-token rotation, events.

pub mod events;
pub mod password_policy;
pub mod refresh;

pub use events::{AuthEvent, LoginFailure};
pub use password_policy::{WeakPassword, password_must_be_strong};
pub use refresh::{RefreshDecision, StoredRefreshToken, decide_refresh};
