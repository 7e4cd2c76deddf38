//! The type names of the events this context publishes on the outbox, for other
//! contexts' subscriptions (they may not reach into our `domain`).

use crate::domain::UserEvent;

/// An account was created: `{userId, email, role}`.
pub const USER_CREATED: &str = UserEvent::USER_CREATED;
/// A user changed their profile: `{userId, fields}` (names of the changed fields).
pub const USER_PROFILE_UPDATED: &str = UserEvent::USER_PROFILE_UPDATED;
/// An administrator changed a user's role: `{userId, from, to}`.
pub const USER_ROLE_CHANGED: &str = UserEvent::USER_ROLE_CHANGED;
/// A user was disabled: `{userId}`.
pub const USER_DISABLED: &str = UserEvent::USER_DISABLED;
/// A user was enabled again: `{userId}`.
pub const USER_ENABLED: &str = UserEvent::USER_ENABLED;
/// Every one of them.
pub const ALL: [&str; 5] = UserEvent::TYPES;
