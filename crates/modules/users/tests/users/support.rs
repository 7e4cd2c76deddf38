//! What every topic shares (a prelude of imports, then the set-up): a migrated database
//! with the repository, the directory and the use cases on a manual clock, actors, and
//! stand-in credentials.

pub use std::{
    error::Error,
    sync::{Arc, Mutex},
};

pub use async_trait::async_trait;
pub use chrono::{DateTime, Duration, Utc};
pub use sejour_core::{
    Actor, AppError, Clock, Ctx, ErrorKind, FieldError, Role, Tx, UnitOfWork, UuidV7Generator,
    ports::ManualClock,
    value_objects::{Email, PhoneNumber},
};
pub use sejour_infrastructure::store::{PgUnitOfWork, pg};
pub use sejour_users::{
    application::{
        Users,
        commands::{
            create_user::{CreateUserCommand, create_user},
            update_my_profile::{UpdateMyProfileCommand, update_my_profile},
            update_user::{UpdateUserCommand, update_user},
        },
        directory::{Credentials, NewUser, UserAccount, UserDirectory},
        queries::{
            get_me::get_me,
            get_user::get_user,
            list_users::{ListUsersQuery, UserCursor, list_users},
        },
    },
    domain::{
        Language, ProfileField, UserEvent, UserRepository,
        events::{UserDisabled, UserProfileUpdated, UserRoleChanged},
    },
    infrastructure::{PgUserDirectory, PgUserRepository},
};
pub use serde_json::{Value, json};
pub use sqlx::PgPool;
pub use uuid::Uuid;

pub type TestResult = Result<(), Box<dyn Error>>;

pub async fn migrate(pool: &PgPool) -> TestResult {
    sejour_infrastructure::db::merge_migrators(&[
        &sejour_infrastructure::db::MIGRATOR,
        &sejour_users::MIGRATOR,
    ])?
    .run(pool)
    .await?;
    Ok(())
}

pub fn start() -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap()
}

/// A migrated database with a repository, a directory and the use cases on a manual
/// clock.
pub struct Env {
    pub pool: PgPool,
    pub clock: Arc<ManualClock>,
    pub users: PgUserRepository,
    pub directory: PgUserDirectory,
    pub uow: PgUnitOfWork,
    /// The use cases, with credentials that accept any password.
    pub app: Users,
}

pub async fn env(pool: PgPool) -> Result<Env, Box<dyn Error>> {
    migrate(&pool).await?;
    let clock = Arc::new(ManualClock::new(start()));
    let ids = Arc::new(UuidV7Generator);
    let users = PgUserRepository::new(pool.clone(), clock.clone(), ids.clone());
    let uow = PgUnitOfWork::new(pool.clone());
    Ok(Env {
        app: Users {
            users: Arc::new(users.clone()),
            uow: Arc::new(uow.clone()),
            clock: clock.clone(),
            ids: ids.clone(),
            credentials: Arc::new(RecordingCredentials::default()),
        },
        users,
        uow,
        directory: PgUserDirectory::new(pool.clone(), clock.clone(), ids),
        clock,
        pool,
    })
}

pub fn ctx_of(actor: Actor) -> Ctx {
    Ctx {
        actor,
        request_id: "req-1".into(),
        ip: Some("203.0.113.7".parse().unwrap()),
        correlation_id: "corr-1".into(),
        causation_id: None,
    }
}

pub fn as_user(account: &UserAccount) -> Ctx {
    ctx_of(Actor::User {
        id: account.id,
        role: account.role,
    })
}

pub fn system() -> Ctx {
    Ctx::system("test", "req-sys".into())
}

pub fn new_user(email: &str, first: &str, last: &str, role: Role) -> NewUser {
    NewUser {
        email: Email::parse(email).unwrap(),
        first_name: first.into(),
        last_name: last.into(),
        role,
    }
}

impl Env {
    /// The use cases with these credentials.
    pub fn with_credentials(&self, credentials: Arc<dyn Credentials>) -> Users {
        Users {
            credentials,
            ..self.app.clone()
        }
    }

    /// Creates an account through the directory, in a transaction of its own.
    pub async fn create(&self, user: NewUser) -> Result<UserAccount, AppError> {
        let mut tx = self.uow.begin().await.unwrap();
        let account = self.directory.create(&mut tx, &system(), user).await?;
        self.uow.commit(tx).await.unwrap();
        Ok(account)
    }

    pub async fn create_ok(&self, email: &str, first: &str, last: &str, role: Role) -> UserAccount {
        self.create(new_user(email, first, last, role))
            .await
            .unwrap()
    }

    pub async fn user_count(&self) -> i64 {
        sqlx::query_scalar("SELECT count(*) FROM users.users")
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }

    /// `(type, payload)` of the events about `user`, oldest first.
    pub async fn events(&self, user: Uuid) -> Vec<(String, Value)> {
        sqlx::query_as(
            "SELECT type, payload FROM queue.messages \
             WHERE aggregate_type = 'user' AND aggregate_id = $1 ORDER BY id",
        )
        .bind(user.to_string())
        .fetch_all(&self.pool)
        .await
        .unwrap()
    }
}

pub fn code(result: Result<impl std::fmt::Debug, AppError>) -> (ErrorKind, String) {
    let err = result.unwrap_err();
    (err.kind, err.code.to_string())
}

/// Credentials that refuse every password, as a password policy would a weak one.
pub struct RefusingCredentials;

#[async_trait]
impl Credentials for RefusingCredentials {
    async fn set_password(
        &self,
        _tx: &mut Tx,
        _user_id: Uuid,
        _password: &str,
    ) -> Result<(), AppError> {
        Err(AppError::validation(vec![FieldError::new(
            "password",
            "password.too_weak",
            "too weak",
        )]))
    }
}

/// Credentials that accept any password, recording the user and whether the account was
/// visible on the connection they were given (the same transaction).
#[derive(Default)]
pub struct RecordingCredentials {
    pub calls: Mutex<Vec<(Uuid, String, bool)>>,
}

#[async_trait]
impl Credentials for RecordingCredentials {
    async fn set_password(
        &self,
        tx: &mut Tx,
        user_id: Uuid,
        password: &str,
    ) -> Result<(), AppError> {
        let visible: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM users.users WHERE id = $1)")
                .bind(user_id)
                .fetch_one(pg(tx)?)
                .await
                .map_err(AppError::internal)?;
        self.calls
            .lock()
            .unwrap()
            .push((user_id, password.to_owned(), visible));
        Ok(())
    }
}

pub fn create_command(email: &str) -> CreateUserCommand {
    CreateUserCommand {
        email: email.into(),
        password: "correct horse battery staple".into(),
        first_name: "New".into(),
        last_name: "Person".into(),
        role: Role::Manager,
    }
}
