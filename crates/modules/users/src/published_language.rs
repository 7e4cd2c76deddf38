//! What other contexts may use of the users context: the type names and payloads of the
//! events it publishes on the outbox. A consumer deserializes a payload into one of these
//! structs without reaching into our domain.
//!
//! Payloads are camelCase JSON objects (no tag: the envelope's `type` says which event it
//! is), e.g. `users.UserRoleChanged`: `{"userId": "…", "from": "guest", "to": "manager"}`.

use sejour_core::{Role, value_objects::Email};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// `users.UserCreated`.
pub const USER_CREATED: &str = "users.UserCreated";
/// `users.UserProfileUpdated`.
pub const USER_PROFILE_UPDATED: &str = "users.UserProfileUpdated";
/// `users.UserRoleChanged`.
pub const USER_ROLE_CHANGED: &str = "users.UserRoleChanged";
/// `users.UserDisabled`.
pub const USER_DISABLED: &str = "users.UserDisabled";
/// `users.UserEnabled`.
pub const USER_ENABLED: &str = "users.UserEnabled";
/// The aggregate type of every user event.
pub const AGGREGATE_TYPE: &str = "user";
/// Every event type this context publishes, for subscriptions.
pub const ALL: [&str; 5] = [
    USER_CREATED,
    USER_PROFILE_UPDATED,
    USER_ROLE_CHANGED,
    USER_DISABLED,
    USER_ENABLED,
];

/// A profile field, named in [`UserProfileUpdated`] when it changed (its value is not:
/// events stay free of personal data they do not need).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ProfileField {
    /// `firstName`.
    FirstName,
    /// `lastName`.
    LastName,
    /// `phone`.
    Phone,
    /// `language`.
    Language,
}

/// `users.UserCreated`: an account was created (sign-up or by an administrator).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserCreated {
    /// The new user.
    pub user_id: Uuid,
    /// Their sign-in email.
    pub email: Email,
    /// Their role.
    pub role: Role,
}

/// `users.UserProfileUpdated`: the user changed their profile or preferences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserProfileUpdated {
    /// The user.
    pub user_id: Uuid,
    /// The fields that changed, in a stable order.
    pub fields: Vec<ProfileField>,
}

/// `users.UserRoleChanged`: an administrator gave the user another role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserRoleChanged {
    /// The user.
    pub user_id: Uuid,
    /// The previous role.
    pub from: Role,
    /// The new role.
    pub to: Role,
}

/// `users.UserDisabled`: the user may no longer sign in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserDisabled {
    /// The user.
    pub user_id: Uuid,
}

/// `users.UserEnabled`: a disabled user may sign in again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserEnabled {
    /// The user.
    pub user_id: Uuid,
}
