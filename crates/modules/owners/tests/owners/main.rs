//! The owners context against a real PostgreSQL (one fresh database per test).
//!
//! Run with `DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres`.
//!
//! The users context is reached through its published `UserDirectory` only (the
//! architecture test forbids its infrastructure here), so the accounts come from
//! [`Accounts`], an in-memory directory standing in for it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::{
    collections::HashMap,
    error::Error,
    sync::{Arc, Mutex},
};

use async_trait::async_trait;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sejour_core::{
    Actor, AppError, Ctx, ErrorKind, Role, UuidV7Generator, ports::ManualClock,
    value_objects::Email,
};
use sejour_infrastructure::store::PgUnitOfWork;
use sejour_owners::{
    application::{
        OwnerPorts, OwnerUseCases,
        commands::{
            create_owner::CreateOwnerCommand, link_owner_user::LinkOwnerUserCommand,
            update_owner::UpdateOwnerCommand,
        },
        directory::OwnerDirectory,
        input::{AddressInput, IdentityInput},
        queries::list_owners::ListOwnersQuery,
    },
    domain::{MoneyModel, OwnerKindTag},
    infrastructure::{PgOwnerDirectory, PgOwnerRepository},
};
use sejour_users::application::directory::{NewUser, UserAccount, UserDirectory};
use serde_json::{Value, json};
use sqlx::PgPool;
use uuid::Uuid;

type TestResult = Result<(), Box<dyn Error>>;

async fn migrate(pool: &PgPool) -> TestResult {
    sejour_infrastructure::db::merge_migrators(&[
        &sejour_infrastructure::db::MIGRATOR,
        &sejour_owners::MIGRATOR,
    ])?
    .run(pool)
    .await?;
    Ok(())
}

fn start() -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap()
}

/// User accounts, as the users context's directory would answer.
#[derive(Default)]
struct Accounts {
    accounts: Mutex<HashMap<Uuid, UserAccount>>,
}

impl Accounts {
    fn add(&self, role: Role) -> UserAccount {
        let id = Uuid::now_v7();
        let account = UserAccount {
            id,
            email: Email::parse(&format!("{id}@example.com")).unwrap(),
            first_name: "Test".into(),
            last_name: role.to_string(),
            role,
            disabled: false,
        };
        self.accounts.lock().unwrap().insert(id, account.clone());
        account
    }
}

#[async_trait]
impl UserDirectory for Accounts {
    async fn create(
        &self,
        _tx: &mut sejour_core::Tx,
        _ctx: &Ctx,
        _user: NewUser,
    ) -> Result<UserAccount, AppError> {
        Err(AppError::internal("not used by the owners context"))
    }

    async fn find_by_email(&self, email: &Email) -> Result<Option<UserAccount>, AppError> {
        let accounts = self.accounts.lock().unwrap();
        Ok(accounts.values().find(|a| &a.email == email).cloned())
    }

    async fn get(&self, id: Uuid) -> Result<Option<UserAccount>, AppError> {
        Ok(self.accounts.lock().unwrap().get(&id).cloned())
    }

    async fn has_admin(&self) -> Result<bool, AppError> {
        let accounts = self.accounts.lock().unwrap();
        Ok(accounts.values().any(|a| a.role == Role::Admin))
    }
}

/// A migrated database with a repository and a directory on a manual clock.
struct Env {
    pool: PgPool,
    clock: Arc<ManualClock>,
    owners: OwnerUseCases,
    directory: PgOwnerDirectory,
    users: Arc<Accounts>,
}

async fn env(pool: PgPool) -> Result<Env, Box<dyn Error>> {
    migrate(&pool).await?;
    let clock = Arc::new(ManualClock::new(start()));
    let users = Arc::new(Accounts::default());
    let ids = Arc::new(UuidV7Generator);
    Ok(Env {
        owners: OwnerUseCases::new(OwnerPorts {
            owners: Arc::new(PgOwnerRepository::new(
                pool.clone(),
                clock.clone(),
                ids.clone(),
            )),
            users: users.clone(),
            unit_of_work: Arc::new(PgUnitOfWork::new(pool.clone())),
            clock: clock.clone(),
            ids,
        }),
        directory: PgOwnerDirectory::new(pool.clone()),
        users,
        clock,
        pool,
    })
}

fn ctx_of(actor: Actor) -> Ctx {
    Ctx {
        actor,
        request_id: "req-1".into(),
        ip: Some("203.0.113.7".parse().unwrap()),
        correlation_id: "corr-1".into(),
        causation_id: None,
    }
}

fn as_user(account: &UserAccount) -> Ctx {
    ctx_of(Actor::User {
        id: account.id,
        role: account.role,
    })
}

fn address() -> AddressInput {
    AddressInput {
        line1: "12 rue de Rivoli".into(),
        line2: None,
        postal_code: "75004".into(),
        city: "Paris".into(),
        region: None,
        country: "FR".into(),
    }
}

const IBAN: &str = "FR7630006000011234567890189";
const IBAN_MASKED: &str = "FR76 **** **** **** **** ***0 189";

fn person(first: &str, last: &str) -> CreateOwnerCommand {
    CreateOwnerCommand {
        kind: OwnerKindTag::Person,
        identity: IdentityInput {
            first_name: Some(first.into()),
            last_name: Some(last.into()),
            ..IdentityInput::default()
        },
        email: format!("{}@example.com", first.to_lowercase()),
        phone: Some("06 12 34 56 78".into()),
        address: address(),
        iban: Some(IBAN.into()),
        commission_basis_points: 2_000,
        mandate_start_date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        money_model: MoneyModel::Mandate,
        user_id: None,
    }
}

fn company(legal_name: &str, siret: &str, vat: Option<&str>) -> CreateOwnerCommand {
    CreateOwnerCommand {
        kind: OwnerKindTag::Company,
        identity: IdentityInput {
            legal_name: Some(legal_name.into()),
            siret: Some(siret.into()),
            vat_number: Some(vat.map(str::to_owned)),
            ..IdentityInput::default()
        },
        email: "gestion@example.com".into(),
        phone: None,
        iban: None,
        money_model: MoneyModel::Service,
        ..person("x", "y")
    }
}

impl Env {
    fn staff(&self, role: Role) -> Ctx {
        as_user(&self.users.add(role))
    }

    async fn create(&self, ctx: &Ctx, command: CreateOwnerCommand) -> Result<Uuid, AppError> {
        self.owners.create.handle(ctx, command).await
    }

    async fn update(&self, ctx: &Ctx, command: UpdateOwnerCommand) -> Result<(), AppError> {
        self.owners.update.handle(ctx, command).await
    }

    async fn owner_count(&self) -> i64 {
        sqlx::query_scalar("SELECT count(*) FROM owners.owners")
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }

    /// `(type, payload)` of the events about `owner`, oldest first.
    async fn events(&self, owner: Uuid) -> Vec<(String, Value)> {
        sqlx::query_as(
            "SELECT type, payload FROM queue.messages \
             WHERE aggregate_type = 'owner' AND aggregate_id = $1 ORDER BY id",
        )
        .bind(owner.to_string())
        .fetch_all(&self.pool)
        .await
        .unwrap()
    }
}

fn code<T: std::fmt::Debug>(result: Result<T, AppError>) -> (ErrorKind, String) {
    let err = result.unwrap_err();
    (err.kind, err.code.to_string())
}

fn fields<T: std::fmt::Debug>(result: Result<T, AppError>) -> Vec<(String, String)> {
    let err = result.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Unprocessable, "{err:?}");
    err.errors
        .into_iter()
        .map(|e| (e.field, e.code.into_owned()))
        .collect()
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(f, c)| (f.as_str(), c.as_str()))
        .collect()
}

mod create;
mod http;
mod linking;
mod listing;
mod update;
