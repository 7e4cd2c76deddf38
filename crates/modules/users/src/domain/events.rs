//! The facts the [`super::User`] aggregate publishes on the outbox.
//!
//! Payloads are camelCase JSON objects with the variant's fields (no tag: the envelope's
//! `type` says which event it is), e.g. `users.UserRoleChanged`:
//! `{"userId": "…", "from": "guest", "to": "manager"}`.

use sejour_core::{DomainEvent, Role, value_objects::Email};
use serde::Serialize;
use uuid::Uuid;

/// A profile field, named in `users.UserProfileUpdated` when it changed (its value is
/// not: events stay free of personal data they do not need).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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

/// Something that happened to a user account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged, rename_all_fields = "camelCase")]
pub enum UserEvent {
    /// `users.UserCreated`: an account was created (sign-up or by an administrator).
    UserCreated {
        /// The new user.
        user_id: Uuid,
        /// Their sign-in email.
        email: Email,
        /// Their role.
        role: Role,
    },
    /// `users.UserProfileUpdated`: the user changed their profile or preferences.
    UserProfileUpdated {
        /// The user.
        user_id: Uuid,
        /// The fields that changed, in a stable order.
        fields: Vec<ProfileField>,
    },
    /// `users.UserRoleChanged`: an administrator gave the user another role.
    UserRoleChanged {
        /// The user.
        user_id: Uuid,
        /// The previous role.
        from: Role,
        /// The new role.
        to: Role,
    },
    /// `users.UserDisabled`: the user may no longer sign in.
    UserDisabled {
        /// The user.
        user_id: Uuid,
    },
    /// `users.UserEnabled`: a disabled user may sign in again.
    UserEnabled {
        /// The user.
        user_id: Uuid,
    },
}

impl UserEvent {
    /// Type name of [`UserEvent::UserCreated`].
    pub const USER_CREATED: &'static str = "users.UserCreated";
    /// Type name of [`UserEvent::UserProfileUpdated`].
    pub const USER_PROFILE_UPDATED: &'static str = "users.UserProfileUpdated";
    /// Type name of [`UserEvent::UserRoleChanged`].
    pub const USER_ROLE_CHANGED: &'static str = "users.UserRoleChanged";
    /// Type name of [`UserEvent::UserDisabled`].
    pub const USER_DISABLED: &'static str = "users.UserDisabled";
    /// Type name of [`UserEvent::UserEnabled`].
    pub const USER_ENABLED: &'static str = "users.UserEnabled";
    /// The aggregate type of every user event.
    pub const AGGREGATE_TYPE: &'static str = "user";

    /// Every event type this context publishes, for subscriptions.
    pub const TYPES: [&'static str; 5] = [
        Self::USER_CREATED,
        Self::USER_PROFILE_UPDATED,
        Self::USER_ROLE_CHANGED,
        Self::USER_DISABLED,
        Self::USER_ENABLED,
    ];

    /// The user the event is about.
    pub fn user_id(&self) -> Uuid {
        match self {
            UserEvent::UserCreated { user_id, .. }
            | UserEvent::UserProfileUpdated { user_id, .. }
            | UserEvent::UserRoleChanged { user_id, .. }
            | UserEvent::UserDisabled { user_id }
            | UserEvent::UserEnabled { user_id } => *user_id,
        }
    }
}

impl DomainEvent for UserEvent {
    fn event_type(&self) -> &'static str {
        match self {
            UserEvent::UserCreated { .. } => Self::USER_CREATED,
            UserEvent::UserProfileUpdated { .. } => Self::USER_PROFILE_UPDATED,
            UserEvent::UserRoleChanged { .. } => Self::USER_ROLE_CHANGED,
            UserEvent::UserDisabled { .. } => Self::USER_DISABLED,
            UserEvent::UserEnabled { .. } => Self::USER_ENABLED,
        }
    }

    fn aggregate_type(&self) -> &'static str {
        Self::AGGREGATE_TYPE
    }

    fn aggregate_id(&self) -> String {
        self.user_id().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_each_event_when_asking_its_metadata_then_users_types_on_the_user_aggregate() {
        let id = Uuid::from_u128(7);
        let events = [
            UserEvent::UserCreated {
                user_id: id,
                email: Email::parse("a@example.com").unwrap_or_else(|e| panic!("{e}")),
                role: Role::Guest,
            },
            UserEvent::UserProfileUpdated {
                user_id: id,
                fields: vec![ProfileField::Phone],
            },
            UserEvent::UserRoleChanged {
                user_id: id,
                from: Role::Guest,
                to: Role::Owner,
            },
            UserEvent::UserDisabled { user_id: id },
            UserEvent::UserEnabled { user_id: id },
        ];
        let types: Vec<&str> = events.iter().map(DomainEvent::event_type).collect();
        assert_eq!(types, UserEvent::TYPES);
        for event in &events {
            assert_eq!(event.aggregate_type(), "user");
            assert_eq!(event.aggregate_id(), id.to_string());
        }
    }
}
