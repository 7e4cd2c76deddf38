//! The [`User`] aggregate: an account with its profile, preferences and role.

use chrono::{DateTime, SubsecRound, Utc};
use sejour_core::{
    Actor, Aggregate, Changes, Role,
    authz::Visible,
    check_rule,
    value_objects::{Email, PhoneNumber},
};
use uuid::Uuid;

use super::{
    errors::{NameField, NameViolation, UserError},
    events::{
        ProfileField, UserCreated, UserDisabled, UserEnabled, UserEvent, UserProfileUpdated,
        UserRoleChanged,
    },
    language::Language,
    name::PersonName,
    rules::{AdminCannotChangeOwnRole, AdminCannotDisableThemself, names_must_be_valid},
};

/// A user as stored: what [`User::restore`] rebuilds an aggregate from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserSnapshot {
    /// The user's id.
    pub id: Uuid,
    /// Their sign-in email.
    pub email: Email,
    /// First name.
    pub first_name: PersonName,
    /// Last name.
    pub last_name: PersonName,
    /// Phone number, if they gave one.
    pub phone: Option<PhoneNumber>,
    /// Preferred language.
    pub language: Language,
    /// Role.
    pub role: Role,
    /// Whether the account is disabled.
    pub disabled: bool,
    /// When the account was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// The stored version (1 at creation, +1 per saved change).
    pub version: i32,
}

/// What a user may change in their own profile; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileChanges {
    /// A new first name (checked against the name rule).
    pub first_name: Option<String>,
    /// A new last name (checked against the name rule).
    pub last_name: Option<String>,
    /// A new phone number, or `Some(None)` to remove it.
    pub phone: Option<Option<PhoneNumber>>,
    /// A new preferred language.
    pub language: Option<Language>,
}

/// A user account. Every change goes through a method that checks the rules it could
/// break and records the [`UserEvent`]s to publish when the change is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    state: UserSnapshot,
    changes: Changes<UserEvent>,
}

impl User {
    /// Opens a new account (language French, no phone, enabled), recording
    /// `users.UserCreated`. Both names must obey the name rule.
    pub fn register(
        id: Uuid,
        email: Email,
        first_name: &str,
        last_name: &str,
        role: Role,
        now: DateTime<Utc>,
    ) -> Result<Self, UserError> {
        let (first_name, last_name) =
            match (PersonName::parse(first_name), PersonName::parse(last_name)) {
                (Ok(first), Ok(last)) => (first, last),
                (first, last) => {
                    let violations = [
                        (NameField::First, first.err()),
                        (NameField::Last, last.err()),
                    ]
                    .into_iter()
                    .filter_map(|(field, problem)| {
                        problem.map(|problem| NameViolation { field, problem })
                    })
                    .collect();
                    return Err(UserError::InvalidName(violations));
                }
            };
        // Timestamps are kept at the store's precision (microseconds), so that what is
        // returned at creation is what is read back later.
        let now = now.trunc_subsecs(6);
        let event = UserEvent::UserCreated(UserCreated {
            user_id: id,
            email: email.clone(),
            role,
        });
        Ok(Self {
            state: UserSnapshot {
                id,
                email,
                first_name,
                last_name,
                phone: None,
                language: Language::default(),
                role,
                disabled: false,
                created_at: now,
                updated_at: now,
                version: 1,
            },
            changes: Changes::created(event),
        })
    }

    /// Rebuilds a stored user; no event is recorded.
    pub fn restore(snapshot: UserSnapshot) -> Self {
        Self {
            changes: Changes::restored(snapshot.version),
            state: snapshot,
        }
    }

    /// Changes the user's own profile and preferences. Given names must obey the name
    /// rule (every bad one is reported); records `users.UserProfileUpdated` naming the
    /// fields whose value actually changed, if any did.
    pub fn update_profile(
        &mut self,
        changes: ProfileChanges,
        now: DateTime<Utc>,
    ) -> Result<(), UserError> {
        let (first_name, last_name) =
            names_must_be_valid(changes.first_name.as_deref(), changes.last_name.as_deref())?;
        let mut fields = Vec::new();
        if let Some(first_name) = first_name
            && first_name != self.state.first_name
        {
            self.state.first_name = first_name;
            fields.push(ProfileField::FirstName);
        }
        if let Some(last_name) = last_name
            && last_name != self.state.last_name
        {
            self.state.last_name = last_name;
            fields.push(ProfileField::LastName);
        }
        if let Some(phone) = changes.phone
            && phone != self.state.phone
        {
            self.state.phone = phone;
            fields.push(ProfileField::Phone);
        }
        if let Some(language) = changes.language
            && language != self.state.language
        {
            self.state.language = language;
            fields.push(ProfileField::Language);
        }
        if !fields.is_empty() {
            let user_id = self.state.id;
            self.record(
                UserEvent::UserProfileUpdated(UserProfileUpdated { user_id, fields }),
                now,
            );
        }
        Ok(())
    }

    /// `actor` gives the user role `to`, recording `users.UserRoleChanged` when it differs.
    /// Rule [`AdminCannotChangeOwnRole`].
    pub fn change_role(
        &mut self,
        actor: Uuid,
        to: Role,
        now: DateTime<Utc>,
    ) -> Result<(), UserError> {
        let from = self.state.role;
        check_rule(AdminCannotChangeOwnRole {
            actor,
            user: self.state.id,
            from,
            to,
        })?;
        if from != to {
            self.state.role = to;
            let user_id = self.state.id;
            self.record(
                UserEvent::UserRoleChanged(UserRoleChanged { user_id, from, to }),
                now,
            );
        }
        Ok(())
    }

    /// `actor` disables the account, recording `users.UserDisabled` unless it already was.
    /// Rule [`AdminCannotDisableThemself`].
    pub fn disable(&mut self, actor: Uuid, now: DateTime<Utc>) -> Result<(), UserError> {
        check_rule(AdminCannotDisableThemself {
            actor,
            user: self.state.id,
        })?;
        if !self.state.disabled {
            self.state.disabled = true;
            let user_id = self.state.id;
            self.record(UserEvent::UserDisabled(UserDisabled { user_id }), now);
        }
        Ok(())
    }

    /// Enables the account again, recording `users.UserEnabled` unless it already was.
    pub fn enable(&mut self, now: DateTime<Utc>) {
        if self.state.disabled {
            self.state.disabled = false;
            let user_id = self.state.id;
            self.record(UserEvent::UserEnabled(UserEnabled { user_id }), now);
        }
    }

    /// Records a change: the first change since the last save bumps the version.
    fn record(&mut self, event: UserEvent, now: DateTime<Utc>) {
        self.changes.record(&mut self.state.version, event);
        self.state.updated_at = now.trunc_subsecs(6).max(self.state.updated_at);
    }

    /// The events recorded since the last save, oldest first.
    pub fn pending_events(&self) -> &[UserEvent] {
        self.changes.pending()
    }

    /// Whether there are changes to save.
    pub fn has_changes(&self) -> bool {
        self.changes.has_changes()
    }

    /// The version the store must still hold for the pending changes to be saved
    /// (`None` for an account not stored yet).
    pub fn stored_version(&self) -> Option<i32> {
        self.changes.stored_version()
    }

    /// Hands over the recorded events once the changes are saved: from then on the
    /// aggregate is as stored.
    pub fn take_events(&mut self) -> Vec<UserEvent> {
        self.changes.take(self.state.version)
    }

    /// The user's id.
    pub fn id(&self) -> Uuid {
        self.state.id
    }

    /// Their sign-in email.
    pub fn email(&self) -> &Email {
        &self.state.email
    }

    /// First name.
    pub fn first_name(&self) -> &PersonName {
        &self.state.first_name
    }

    /// Last name.
    pub fn last_name(&self) -> &PersonName {
        &self.state.last_name
    }

    /// Phone number, if any.
    pub fn phone(&self) -> Option<&PhoneNumber> {
        self.state.phone.as_ref()
    }

    /// Preferred language.
    pub fn language(&self) -> Language {
        self.state.language
    }

    /// Role.
    pub fn role(&self) -> Role {
        self.state.role
    }

    /// Whether the account is disabled.
    pub fn is_disabled(&self) -> bool {
        self.state.disabled
    }

    /// When the account was created.
    pub fn created_at(&self) -> DateTime<Utc> {
        self.state.created_at
    }

    /// When it last changed.
    pub fn updated_at(&self) -> DateTime<Utc> {
        self.state.updated_at
    }

    /// Its version, pending changes included (the `ETag`).
    pub fn version(&self) -> i32 {
        self.state.version
    }

    /// The whole state.
    pub fn snapshot(&self) -> &UserSnapshot {
        &self.state
    }
}

impl Aggregate for User {
    type Event = UserEvent;

    fn id(&self) -> Uuid {
        self.state.id
    }

    fn version(&self) -> i32 {
        self.state.version
    }

    fn stored_version(&self) -> Option<i32> {
        self.changes.stored_version()
    }

    fn take_events(&mut self) -> Vec<UserEvent> {
        self.changes.take(self.state.version)
    }
}

/// Who may see a user: agency staff see everyone; anyone else only themself.
impl Visible for User {
    fn is_visible_to(&self, actor: &Actor) -> bool {
        match actor {
            Actor::User { id, role } => role.is_staff() || *id == self.state.id,
            _ => false,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::domain::NameProblem;

    fn now() -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(1_800_000_000, 123_456_789).unwrap()
    }

    fn email() -> Email {
        Email::parse("Ada.Lovelace@Example.com").unwrap()
    }

    fn stored(role: Role) -> User {
        let mut user =
            User::register(Uuid::from_u128(42), email(), "Ada", "Lovelace", role, now()).unwrap();
        user.take_events();
        User::restore(user.snapshot().clone())
    }

    const ADMIN: Uuid = Uuid::from_u128(1);

    #[test]
    fn given_valid_details_when_registering_then_a_french_enabled_account_and_user_created() {
        let user = User::register(
            Uuid::from_u128(42),
            email(),
            "  Ada ",
            "Lovelace",
            Role::Owner,
            now(),
        )
        .unwrap();
        assert_eq!(user.first_name().as_str(), "Ada");
        assert_eq!(user.language(), Language::Fr);
        assert!(!user.is_disabled());
        assert_eq!(user.version(), 1);
        assert_eq!(user.stored_version(), None);
        assert_eq!(user.created_at().timestamp_subsec_nanos(), 123_456_000);
        assert_eq!(
            user.pending_events(),
            [UserEvent::UserCreated(UserCreated {
                user_id: Uuid::from_u128(42),
                email: email(),
                role: Role::Owner
            })]
        );
    }

    #[test]
    fn given_two_bad_names_when_registering_then_both_are_reported() {
        let err = User::register(
            Uuid::nil(),
            email(),
            "",
            &"x".repeat(101),
            Role::Guest,
            now(),
        )
        .unwrap_err();
        assert_eq!(
            err,
            UserError::InvalidName(vec![
                NameViolation {
                    field: NameField::First,
                    problem: NameProblem::Empty
                },
                NameViolation {
                    field: NameField::Last,
                    problem: NameProblem::TooLong { max: 100 }
                },
            ])
        );
        assert_eq!(err.code(), "user.invalid_name");
    }

    #[test]
    fn given_a_stored_user_when_updating_the_profile_then_changed_fields_are_named_once() {
        let mut user = stored(Role::Guest);
        let phone = PhoneNumber::parse("06 12 34 56 78").unwrap();
        user.update_profile(
            ProfileChanges {
                first_name: Some("Ada".into()), // unchanged
                last_name: Some(" Byron ".into()),
                phone: Some(Some(phone.clone())),
                language: Some(Language::En),
            },
            now() + Duration::minutes(1),
        )
        .unwrap();
        assert_eq!(user.last_name().as_str(), "Byron");
        assert_eq!(user.phone(), Some(&phone));
        assert_eq!(user.version(), 2);
        assert_eq!(user.stored_version(), Some(1));
        assert_eq!(
            user.updated_at(),
            (now() + Duration::minutes(1)).trunc_subsecs(6)
        );
        assert_eq!(
            user.pending_events(),
            [UserEvent::UserProfileUpdated(UserProfileUpdated {
                user_id: user.id(),
                fields: vec![
                    ProfileField::LastName,
                    ProfileField::Phone,
                    ProfileField::Language
                ]
            })]
        );
    }

    #[test]
    fn given_a_phone_when_clearing_it_then_phone_is_removed_and_named() {
        let mut user = stored(Role::Guest);
        let phone = PhoneNumber::parse("+442079460958").unwrap();
        user.update_profile(
            ProfileChanges {
                phone: Some(Some(phone)),
                ..ProfileChanges::default()
            },
            now(),
        )
        .unwrap();
        user.take_events();
        user.update_profile(
            ProfileChanges {
                phone: Some(None),
                ..ProfileChanges::default()
            },
            now(),
        )
        .unwrap();
        assert_eq!(user.phone(), None);
        assert_eq!(user.version(), 3);
        assert_eq!(
            user.take_events(),
            [UserEvent::UserProfileUpdated(UserProfileUpdated {
                user_id: user.id(),
                fields: vec![ProfileField::Phone]
            })]
        );
    }

    #[test]
    fn given_no_actual_change_when_updating_the_profile_then_nothing_is_recorded() {
        let mut user = stored(Role::Guest);
        user.update_profile(
            ProfileChanges {
                first_name: Some("Ada".into()),
                language: Some(Language::Fr),
                ..ProfileChanges::default()
            },
            now(),
        )
        .unwrap();
        assert!(!user.has_changes());
        assert_eq!(user.version(), 1);
    }

    #[test]
    fn given_a_bad_name_when_updating_the_profile_then_refused_and_nothing_changes() {
        let mut user = stored(Role::Guest);
        let before = user.clone();
        let err = user
            .update_profile(
                ProfileChanges {
                    first_name: Some("Ada\u{0}".into()),
                    language: Some(Language::En),
                    ..ProfileChanges::default()
                },
                now(),
            )
            .unwrap_err();
        assert_eq!(err.code(), "user.invalid_name");
        assert_eq!(user, before);
    }

    #[test]
    fn given_an_admin_when_changing_someone_elses_role_then_role_changed_is_recorded() {
        let mut user = stored(Role::Guest);
        user.change_role(ADMIN, Role::Manager, now()).unwrap();
        assert_eq!(user.role(), Role::Manager);
        assert_eq!(
            user.pending_events(),
            [UserEvent::UserRoleChanged(UserRoleChanged {
                user_id: user.id(),
                from: Role::Guest,
                to: Role::Manager
            })]
        );
        // Giving the same role again records nothing more.
        user.change_role(ADMIN, Role::Manager, now()).unwrap();
        assert_eq!(user.pending_events().len(), 1);
    }

    #[test]
    fn given_an_admin_when_demoting_themself_then_cannot_change_own_role() {
        let mut me = stored(Role::Admin);
        let actor = me.id();
        assert_eq!(
            me.change_role(actor, Role::Guest, now()),
            Err(UserError::CannotChangeOwnRole)
        );
        assert_eq!(me.role(), Role::Admin);
        // Confirming their own role is no change, hence allowed.
        assert_eq!(me.change_role(actor, Role::Admin, now()), Ok(()));
        assert!(!me.has_changes());
    }

    #[test]
    fn given_an_admin_when_disabling_themself_then_cannot_disable_self() {
        let mut me = stored(Role::Admin);
        let actor = me.id();
        assert_eq!(me.disable(actor, now()), Err(UserError::CannotDisableSelf));
        assert!(!me.is_disabled());
        assert!(!me.has_changes());
    }

    #[test]
    fn given_a_user_when_asking_who_sees_it_then_staff_and_themself_only() {
        let user = stored(Role::Guest);
        let actor = |id, role| Actor::User { id, role };
        assert!(user.is_visible_to(&actor(user.id(), Role::Guest)));
        assert!(user.is_visible_to(&actor(ADMIN, Role::Manager)));
        assert!(user.is_visible_to(&actor(ADMIN, Role::Admin)));
        assert!(!user.is_visible_to(&actor(ADMIN, Role::Owner)));
        assert!(!user.is_visible_to(&actor(ADMIN, Role::Guest)));
        assert!(!user.is_visible_to(&Actor::Anonymous));
    }

    #[test]
    fn given_a_user_when_disabled_then_enabled_then_both_are_recorded_in_one_version() {
        let mut user = stored(Role::Owner);
        user.disable(ADMIN, now()).unwrap();
        user.disable(ADMIN, now()).unwrap(); // already disabled: nothing more
        assert!(user.is_disabled());
        user.enable(now());
        user.enable(now()); // already enabled: nothing more
        assert!(!user.is_disabled());
        assert_eq!(user.version(), 2);
        assert_eq!(
            user.take_events(),
            [
                UserEvent::UserDisabled(UserDisabled { user_id: user.id() }),
                UserEvent::UserEnabled(UserEnabled { user_id: user.id() })
            ]
        );
        assert_eq!(user.stored_version(), Some(2));
    }
}
