//! [`PgUserDirectory`]: the published [`UserDirectory`] on PostgreSQL.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::{AppError, Clock, Ctx, IdGenerator, value_objects::Email};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::repository::PgUserRepository;
use crate::{
    application::directory::{NewUser, UserAccount, UserDirectory},
    domain::User,
};

/// Accounts for the auth context, on the `users.users` table.
#[derive(Clone)]
pub struct PgUserDirectory {
    users: PgUserRepository,
}

impl PgUserDirectory {
    /// A directory on `pool`; `clock` and `ids` date new accounts, give them their ids
    /// and stamp their events.
    pub fn new(pool: PgPool, clock: Arc<dyn Clock>, ids: Arc<dyn IdGenerator>) -> Self {
        Self {
            users: PgUserRepository::new(pool, clock, ids),
        }
    }
}

/// What other contexts see of a user.
pub(crate) fn account(user: &User) -> UserAccount {
    UserAccount {
        id: user.id(),
        email: user.email().clone(),
        first_name: user.first_name().to_string(),
        last_name: user.last_name().to_string(),
        role: user.role(),
        disabled: user.is_disabled(),
    }
}

#[async_trait]
impl UserDirectory for PgUserDirectory {
    async fn create(
        &self,
        conn: &mut PgConnection,
        ctx: &Ctx,
        user: NewUser,
    ) -> Result<UserAccount, AppError> {
        let mut created = User::register(
            self.users.ids().new_id(),
            user.email,
            &user.first_name,
            &user.last_name,
            user.role,
            self.users.clock().now(),
        )?;
        self.users.insert(conn, ctx, &mut created).await?;
        tracing::info!(user_id = %created.id(), role = %created.role(), "user created");
        Ok(account(&created))
    }

    async fn find_by_email(&self, email: &Email) -> Result<Option<UserAccount>, AppError> {
        Ok(self.users.find_by_email(email).await?.as_ref().map(account))
    }

    async fn get(&self, id: Uuid) -> Result<Option<UserAccount>, AppError> {
        Ok(self.users.get(id).await?.as_ref().map(account))
    }

    async fn has_admin(&self) -> Result<bool, AppError> {
        self.users.has_admin().await
    }
}
