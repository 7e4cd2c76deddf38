//! The facts the [`super::User`] aggregate publishes on the outbox. Each variant carries
//! its payload struct from the [`published_language`](crate::published_language); the
//! JSON is that struct's, untagged (the envelope's `type` says which event it is).

use sejour_core::DomainEvent;
use serde::Serialize;
use uuid::Uuid;

use crate::published_language as pl;
pub use crate::published_language::{
    ProfileField, UserCreated, UserDisabled, UserEnabled, UserProfileUpdated, UserRoleChanged,
};

/// Something that happened to a user account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum UserEvent {
    /// `users.UserCreated`: an account was created (sign-up or by an administrator).
    UserCreated(UserCreated),
    /// `users.UserProfileUpdated`: the user changed their profile or preferences.
    UserProfileUpdated(UserProfileUpdated),
    /// `users.UserRoleChanged`: an administrator gave the user another role.
    UserRoleChanged(UserRoleChanged),
    /// `users.UserDisabled`: the user may no longer sign in.
    UserDisabled(UserDisabled),
    /// `users.UserEnabled`: a disabled user may sign in again.
    UserEnabled(UserEnabled),
}

impl UserEvent {
    /// Type name of [`UserEvent::UserCreated`].
    pub const USER_CREATED: &'static str = pl::USER_CREATED;
    /// Type name of [`UserEvent::UserProfileUpdated`].
    pub const USER_PROFILE_UPDATED: &'static str = pl::USER_PROFILE_UPDATED;
    /// Type name of [`UserEvent::UserRoleChanged`].
    pub const USER_ROLE_CHANGED: &'static str = pl::USER_ROLE_CHANGED;
    /// Type name of [`UserEvent::UserDisabled`].
    pub const USER_DISABLED: &'static str = pl::USER_DISABLED;
    /// Type name of [`UserEvent::UserEnabled`].
    pub const USER_ENABLED: &'static str = pl::USER_ENABLED;
    /// The aggregate type of every user event.
    pub const AGGREGATE_TYPE: &'static str = pl::AGGREGATE_TYPE;

    /// Every event type this context publishes, for subscriptions.
    pub const TYPES: [&'static str; 5] = pl::ALL;

    /// The user the event is about.
    pub fn user_id(&self) -> Uuid {
        match self {
            UserEvent::UserCreated(UserCreated { user_id, .. })
            | UserEvent::UserProfileUpdated(UserProfileUpdated { user_id, .. })
            | UserEvent::UserRoleChanged(UserRoleChanged { user_id, .. })
            | UserEvent::UserDisabled(UserDisabled { user_id })
            | UserEvent::UserEnabled(UserEnabled { user_id }) => *user_id,
        }
    }
}

impl DomainEvent for UserEvent {
    fn event_type(&self) -> &'static str {
        match self {
            UserEvent::UserCreated(_) => Self::USER_CREATED,
            UserEvent::UserProfileUpdated(_) => Self::USER_PROFILE_UPDATED,
            UserEvent::UserRoleChanged(_) => Self::USER_ROLE_CHANGED,
            UserEvent::UserDisabled(_) => Self::USER_DISABLED,
            UserEvent::UserEnabled(_) => Self::USER_ENABLED,
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
    use sejour_core::{Role, value_objects::Email};

    use super::*;

    #[test]
    fn given_each_event_when_asking_its_metadata_then_users_types_on_the_user_aggregate() {
        let id = Uuid::from_u128(7);
        let events = [
            UserEvent::UserCreated(UserCreated {
                user_id: id,
                email: Email::parse("a@example.com").unwrap_or_else(|e| panic!("{e}")),
                role: Role::Guest,
            }),
            UserEvent::UserProfileUpdated(UserProfileUpdated {
                user_id: id,
                fields: vec![ProfileField::Phone],
            }),
            UserEvent::UserRoleChanged(UserRoleChanged {
                user_id: id,
                from: Role::Guest,
                to: Role::Owner,
            }),
            UserEvent::UserDisabled(UserDisabled { user_id: id }),
            UserEvent::UserEnabled(UserEnabled { user_id: id }),
        ];
        let types: Vec<&str> = events.iter().map(DomainEvent::event_type).collect();
        assert_eq!(types, UserEvent::TYPES);
        for event in &events {
            assert_eq!(event.aggregate_type(), "user");
            assert_eq!(event.aggregate_id(), id.to_string());
        }
    }
}
