//! [`PgUserDirectory`]: the published [`UserDirectory`] on PostgreSQL.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::{AppError, Clock, Ctx, IdGenerator, Tx, value_objects::Email};
use sejour_infrastructure::store::Store;
use sqlx::PgPool;
use uuid::Uuid;

use super::repositories::PgUserRepository;
use crate::{
    application::directory::{NewUser, UserAccount, UserDirectory},
    domain::{User, UserRepository},
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
        Self::on(Store::new(pool, clock, ids))
    }

    /// A directory on `store`.
    pub fn on(store: Store) -> Self {
        Self {
            users: PgUserRepository::on(store),
        }
    }
}

/// What other contexts see of a user.
fn account(user: &User) -> UserAccount {
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
    async fn create(&self, tx: &mut Tx, ctx: &Ctx, user: NewUser) -> Result<UserAccount, AppError> {
        let mut created = User::register(
            self.users.ids().new_id(),
            user.email,
            &user.first_name,
            &user.last_name,
            user.role,
            self.users.clock().now(),
        )?;
        self.users.insert(tx, ctx, &mut created).await?;
        tracing::info!(user_id = %created.id(), role = %created.role(), "user created");
        Ok(account(&created))
    }

    async fn find_by_email(&self, email: &Email) -> Result<Option<UserAccount>, AppError> {
        Ok(self.users.find_by_email(email).await?.as_ref().map(account))
    }

    async fn get(&self, id: Uuid) -> Result<Option<UserAccount>, AppError> {
        Ok(self.users.find_by_id(id).await?.as_ref().map(account))
    }

    async fn has_admin(&self) -> Result<bool, AppError> {
        self.users.has_admin().await
    }
}
