//! Update a user: an administrator changes someone's role or disables/enables them.

use sejour_core::{AppError, Ctx, Role, authz::require_role, ensure_version};
use uuid::Uuid;

use crate::application::Users;

/// The changes to a user's account; `None` leaves a field as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateUserCommand {
    /// Whose account.
    pub user_id: Uuid,
    /// A new role.
    pub role: Option<Role>,
    /// Disable (`true`) or enable (`false`) the account.
    pub disabled: Option<bool>,
    /// The version the caller read (`If-Match`); 412 if the user changed since.
    pub expected_version: Option<i32>,
}

/// Applies `command`, publishing `users.UserRoleChanged`, `users.UserDisabled` or
/// `users.UserEnabled` for what actually changed.
///
/// Administrators only (401/403); 404 for an unknown user; 412 on a stale version; 422
/// `user.cannot_change_own_role` / `user.cannot_disable_self` when an administrator
/// would demote or disable themself.
#[doc(alias = "UpdateUserHandler")]
pub async fn update_user(
    app: &Users,
    ctx: &Ctx,
    command: UpdateUserCommand,
) -> Result<(), AppError> {
    let (admin, _) = require_role(&ctx.actor, &[Role::Admin])?;
    let mut tx = app.uow.begin().await?;
    let mut user = app
        .users
        .find_by_id_for_update(&mut tx, command.user_id)
        .await?
        .ok_or_else(|| AppError::not_found("user"))?;
    ensure_version("user", user.version(), command.expected_version)?;
    let now = app.clock.now();
    if let Some(role) = command.role {
        user.change_role(admin, role, now)?;
    }
    match command.disabled {
        Some(true) => user.disable(admin, now)?,
        Some(false) => user.enable(now),
        None => {}
    }
    let events = user.pending_events().len();
    app.users.update(&mut tx, ctx, &mut user).await?;
    app.uow.commit(tx).await?;
    if events > 0 {
        tracing::info!(user_id = %user.id(), role = %user.role(), disabled = user.is_disabled(),
            "user updated by an administrator");
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    //! The use case on in-memory ports: no database.

    use std::{
        collections::HashMap,
        sync::{Arc, Mutex},
    };

    use async_trait::async_trait;
    use chrono::{DateTime, Utc};
    use sejour_core::{
        Actor, ErrorKind, Tx, UnitOfWork, UuidV7Generator, ports::ManualClock, value_objects::Email,
    };

    use super::*;
    use crate::{
        application::{Users, directory::Credentials},
        domain::{User, UserEvent, UserFilter, UserRepository, events::UserDisabled},
    };

    /// Users in a map; saved events in a list.
    #[derive(Default)]
    struct Memory {
        users: Mutex<HashMap<Uuid, User>>,
        published: Mutex<Vec<UserEvent>>,
    }

    impl Memory {
        fn save(&self, user: &mut User) {
            let events = user.take_events();
            self.published.lock().unwrap().extend(events);
            self.users.lock().unwrap().insert(user.id(), user.clone());
        }
    }

    #[async_trait]
    impl UserRepository for Memory {
        async fn find_by_id(&self, id: Uuid) -> Result<Option<User>, AppError> {
            Ok(self.users.lock().unwrap().get(&id).cloned())
        }

        async fn find_by_id_for_update(
            &self,
            _tx: &mut Tx,
            id: Uuid,
        ) -> Result<Option<User>, AppError> {
            self.find_by_id(id).await
        }

        async fn find_by_email(&self, email: &Email) -> Result<Option<User>, AppError> {
            let users = self.users.lock().unwrap();
            Ok(users.values().find(|u| u.email() == email).cloned())
        }

        async fn has_admin(&self) -> Result<bool, AppError> {
            let users = self.users.lock().unwrap();
            Ok(users.values().any(|u| u.role() == Role::Admin))
        }

        async fn list(&self, _filter: &UserFilter, _limit: i64) -> Result<Vec<User>, AppError> {
            Ok(self.users.lock().unwrap().values().cloned().collect())
        }

        async fn insert(&self, _tx: &mut Tx, _ctx: &Ctx, user: &mut User) -> Result<(), AppError> {
            self.save(user);
            Ok(())
        }

        async fn update(&self, _tx: &mut Tx, _ctx: &Ctx, user: &mut User) -> Result<(), AppError> {
            let stored = self.find_by_id(user.id()).await?.map(|u| u.version());
            if stored != user.stored_version() {
                return Err(AppError::stale_version("user"));
            }
            self.save(user);
            Ok(())
        }
    }

    /// Transactions that hold nothing.
    struct NoTransactions;

    #[async_trait]
    impl UnitOfWork for NoTransactions {
        async fn begin(&self) -> Result<Tx, AppError> {
            Ok(Tx::new(()))
        }

        async fn commit(&self, _tx: Tx) -> Result<(), AppError> {
            Ok(())
        }
    }

    /// Credentials this use case never touches.
    struct Unused;

    #[async_trait]
    impl Credentials for Unused {
        async fn set_password(&self, _: &mut Tx, _: Uuid, _: &str) -> Result<(), AppError> {
            Err(AppError::internal("not used"))
        }
    }

    fn start() -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap()
    }

    /// The use cases on memory, with an admin and a guest stored (both at version 1).
    fn given_an_admin_and_a_guest() -> (Users, Arc<Memory>, Uuid, Uuid) {
        let memory = Arc::new(Memory::default());
        let mut ids = Vec::new();
        for (n, role) in [(1, Role::Admin), (2, Role::Guest)] {
            let email = Email::parse(&format!("u{n}@example.com")).unwrap();
            let mut user =
                User::register(Uuid::from_u128(n), email, "Ada", "Lovelace", role, start())
                    .unwrap();
            memory.save(&mut user);
            ids.push(user.id());
        }
        memory.published.lock().unwrap().clear();
        let users = Users {
            users: memory.clone(),
            uow: Arc::new(NoTransactions),
            clock: Arc::new(ManualClock::new(start())),
            ids: Arc::new(UuidV7Generator),
            credentials: Arc::new(Unused),
        };
        (users, memory, ids[0], ids[1])
    }

    fn as_admin(id: Uuid) -> Ctx {
        Ctx {
            actor: Actor::User {
                id,
                role: Role::Admin,
            },
            ..Ctx::system("test", "req".into())
        }
    }

    fn disable(user_id: Uuid, expected_version: Option<i32>) -> UpdateUserCommand {
        UpdateUserCommand {
            user_id,
            role: None,
            disabled: Some(true),
            expected_version,
        }
    }

    #[tokio::test]
    async fn given_a_guest_when_an_admin_disables_them_then_saved_once_with_its_event() {
        let (users, memory, admin, guest) = given_an_admin_and_a_guest();
        update_user(&users, &as_admin(admin), disable(guest, Some(1)))
            .await
            .unwrap();
        let stored = memory.find_by_id(guest).await.unwrap().unwrap();
        assert_eq!((stored.is_disabled(), stored.version()), (true, 2));
        assert_eq!(
            *memory.published.lock().unwrap(),
            [UserEvent::UserDisabled(UserDisabled { user_id: guest })]
        );
    }

    #[tokio::test]
    async fn given_a_stale_version_or_the_admin_themself_when_disabling_then_refused_unchanged() {
        let (users, memory, admin, guest) = given_an_admin_and_a_guest();
        let stale = update_user(&users, &as_admin(admin), disable(guest, Some(2))).await;
        assert_eq!(
            stale.map_err(|e| (e.kind, e.code)).unwrap_err(),
            (
                ErrorKind::PreconditionFailed,
                "user.version_mismatch".into()
            )
        );
        let themself = update_user(&users, &as_admin(admin), disable(admin, None)).await;
        assert_eq!(themself.unwrap_err().code, "user.cannot_disable_self");
        assert!(memory.published.lock().unwrap().is_empty());
        let stored = memory.find_by_id(admin).await.unwrap().unwrap();
        assert_eq!((stored.is_disabled(), stored.version()), (false, 1));
    }
}
