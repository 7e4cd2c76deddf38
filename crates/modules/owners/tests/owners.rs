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
use sqlx::{PgConnection, PgPool};
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
        _conn: &mut PgConnection,
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

#[sqlx::test(migrations = false)]
async fn a_manager_creates_a_company_stored_whole_with_owner_created_on_the_outbox(
    pool: PgPool,
) -> TestResult {
    let env = env(pool).await?;
    let manager = env.staff(Role::Manager);
    let id = env
        .create(
            &manager,
            CreateOwnerCommand {
                iban: Some("GB82 WEST 1234 5698 7654 32".into()),
                money_model: MoneyModel::Mandate,
                ..company(
                    " SCI Les Oliviers ",
                    "732 829 320 00074",
                    Some("fr44732829320"),
                )
            },
        )
        .await?;

    let owner = env.owners.get.handle(&manager, id).await?;
    let kind = owner.kind();
    assert_eq!(kind.tag(), OwnerKindTag::Company);
    assert_eq!(kind.display_name(), "SCI Les Oliviers");
    assert_eq!(kind.siret().unwrap().as_str(), "73282932000074");
    assert_eq!(kind.vat_number().unwrap().as_str(), "FR44732829320");
    assert_eq!(owner.iban().unwrap().as_str(), "GB82WEST12345698765432");
    assert_eq!(owner.mandate().commission.basis_points(), 2_000);
    assert_eq!(owner.mandate().money_model, MoneyModel::Mandate);
    assert_eq!(owner.address().postal_code(), "75004");
    assert_eq!((owner.version(), owner.created_at()), (1, start()));
    assert_eq!(owner.user_id(), None);

    let row: (
        String,
        Value,
        Option<String>,
        Option<String>,
        Option<String>,
    ) = sqlx::query_as(
        "SELECT type, payload, actor, correlation_id, ip FROM queue.messages \
         WHERE aggregate_id = $1",
    )
    .bind(id.to_string())
    .fetch_one(&env.pool)
    .await?;
    let Actor::User { id: manager_id, .. } = manager.actor else {
        unreachable!()
    };
    assert_eq!(
        row,
        (
            "owners.OwnerCreated".to_owned(),
            json!({"ownerId": id, "kind": "company", "moneyModel": "mandate"}),
            Some(format!("user:{manager_id}")),
            Some("corr-1".to_owned()),
            Some("203.0.113.7".to_owned()),
        )
    );
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn an_invalid_iban_or_siret_is_422_naming_the_field_and_nothing_is_stored(
    pool: PgPool,
) -> TestResult {
    let env = env(pool).await?;
    let admin = env.staff(Role::Admin);

    let bad_iban = env
        .create(
            &admin,
            CreateOwnerCommand {
                iban: Some("FR1420041010050500013M02607".into()),
                ..person("Ada", "Lovelace")
            },
        )
        .await;
    assert_eq!(
        pairs(&fields(bad_iban)),
        [("iban", "iban.invalid_checksum")]
    );

    let bad_siret = env
        .create(&admin, company("SCI X", "73282932000075", None))
        .await;
    assert_eq!(
        pairs(&fields(bad_siret)),
        [("siret", "siret.invalid_checksum")]
    );

    // Everything wrong at once: every field is listed.
    let everything = env
        .create(
            &admin,
            CreateOwnerCommand {
                email: "nope".into(),
                phone: Some("12".into()),
                iban: Some("XX00".into()),
                commission_basis_points: 10_001,
                address: AddressInput {
                    postal_code: "7500".into(),
                    ..address()
                },
                ..company("", "123", Some("FR45732829320"))
            },
        )
        .await;
    assert_eq!(
        pairs(&fields(everything)),
        [
            ("legalName", "owner.invalid_name"),
            ("siret", "siret.invalid_format"),
            ("vatNumber", "vat_number.invalid_key"),
            ("email", "email.invalid_format"),
            ("phone", "phone_number.invalid_format"),
            ("address.postalCode", "postal_address.invalid_postal_code"),
            ("iban", "iban.invalid_format"),
            (
                "mandate.commissionBasisPoints",
                "commission_rate.out_of_range"
            ),
        ]
    );
    assert_eq!(env.owner_count().await, 0);
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn broken_rules_are_422_with_their_code_and_a_duplicate_siret_is_409(
    pool: PgPool,
) -> TestResult {
    let env = env(pool).await?;
    let admin = env.staff(Role::Admin);

    let no_iban = env
        .create(
            &admin,
            CreateOwnerCommand {
                iban: None,
                ..person("Ada", "Lovelace")
            },
        )
        .await;
    let err = no_iban.unwrap_err();
    assert_eq!(
        (err.kind, err.code.as_ref()),
        (ErrorKind::Unprocessable, "owner.iban_required_for_mandate")
    );
    assert_eq!(err.errors[0].field, "iban");

    let mismatch = env
        .create(
            &admin,
            company("SCI X", "73282932000074", Some("FR88753805035")),
        )
        .await;
    assert_eq!(
        code(mismatch),
        (
            ErrorKind::Unprocessable,
            "owner.vat_siren_mismatch".to_owned()
        )
    );

    // One record per SIRET.
    let first = env
        .create(&admin, company("SCI X", "73282932000074", None))
        .await?;
    let again = env
        .create(&admin, company("SCI Y", "73282932000074", None))
        .await;
    assert_eq!(
        code(again),
        (ErrorKind::Conflict, "owner.siret_taken".to_owned())
    );
    assert_eq!(env.owner_count().await, 1);
    let created: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM queue.messages WHERE type = 'owners.OwnerCreated'",
    )
    .fetch_one(&env.pool)
    .await?;
    assert_eq!(created, 1, "the refused owner's event was rolled back");
    assert!(env.directory.exists(first).await?);
    assert!(!env.directory.exists(Uuid::now_v7()).await?);
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn only_staff_create_and_update_owners(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    let admin = env.staff(Role::Admin);
    let id = env.create(&admin, person("Ada", "Lovelace")).await?;
    let owner_account = env.users.add(Role::Owner);
    env.owners
        .link_user
        .handle(
            &admin,
            LinkOwnerUserCommand {
                owner_id: id,
                user_id: Some(owner_account.id),
                expected_version: Some(1),
            },
        )
        .await?;

    for ctx in [
        as_user(&owner_account),
        env.staff(Role::Guest),
        ctx_of(Actor::Anonymous),
    ] {
        let expected = if ctx.actor == Actor::Anonymous {
            ErrorKind::Unauthenticated
        } else {
            ErrorKind::Forbidden
        };
        let created = env.create(&ctx, person("Bob", "Martin")).await;
        assert_eq!(created.unwrap_err().kind, expected);
        // An owner may not change their own record either.
        let updated = env
            .update(
                &ctx,
                UpdateOwnerCommand {
                    owner_id: id,
                    email: Some("me@example.com".into()),
                    ..UpdateOwnerCommand::default()
                },
            )
            .await;
        assert_eq!(updated.unwrap_err().kind, expected);
    }
    assert_eq!(env.owner_count().await, 1);
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn an_update_names_the_changed_fields_never_the_iban_and_honours_the_version(
    pool: PgPool,
) -> TestResult {
    let env = env(pool).await?;
    let manager = env.staff(Role::Manager);
    let id = env.create(&manager, person("Ada", "Lovelace")).await?;
    env.clock.advance(Duration::minutes(5));

    env.update(
        &manager,
        UpdateOwnerCommand {
            owner_id: id,
            identity: IdentityInput {
                last_name: Some("Byron".into()),
                ..IdentityInput::default()
            },
            phone: Some(None),
            iban: Some(Some("FR14 2004 1010 0505 0001 3M02 606".into())),
            commission_basis_points: Some(2_500),
            expected_version: Some(1),
            ..UpdateOwnerCommand::default()
        },
    )
    .await?;
    let owner = env.owners.get.handle(&manager, id).await?;
    assert_eq!(owner.kind().display_name(), "Ada Byron");
    assert_eq!(owner.phone(), None);
    assert_eq!(
        owner.iban().unwrap().as_str(),
        "FR1420041010050500013M02606"
    );
    assert_eq!(owner.mandate().commission.basis_points(), 2_500);
    assert_eq!(owner.version(), 2);
    assert_eq!(owner.updated_at(), start() + Duration::minutes(5));

    let events = env.events(id).await;
    assert_eq!(
        events[1],
        (
            "owners.OwnerUpdated".to_owned(),
            json!({"ownerId": id, "fields": ["lastName", "phone", "iban", "mandate.commissionBasisPoints"]})
        )
    );
    let outbox: Vec<String> = sqlx::query_scalar("SELECT payload::text FROM queue.messages")
        .fetch_all(&env.pool)
        .await?;
    for payload in outbox {
        assert!(
            !payload.contains("20041010050500013") && !payload.contains("30006000011234567890"),
            "an IBAN leaked into an event: {payload}"
        );
    }

    // A stale If-Match: 412, nothing changes.
    let stale = env
        .update(
            &manager,
            UpdateOwnerCommand {
                owner_id: id,
                email: Some("late@example.com".into()),
                expected_version: Some(1),
                ..UpdateOwnerCommand::default()
            },
        )
        .await;
    assert_eq!(
        code(stale),
        (
            ErrorKind::PreconditionFailed,
            "owner.version_mismatch".to_owned()
        )
    );
    // Nothing actually changed: no new version, no event.
    env.update(
        &manager,
        UpdateOwnerCommand {
            owner_id: id,
            identity: IdentityInput {
                first_name: Some("Ada".into()),
                ..IdentityInput::default()
            },
            expected_version: Some(2),
            ..UpdateOwnerCommand::default()
        },
    )
    .await?;
    assert_eq!(env.owners.get.handle(&manager, id).await?.version(), 2);
    assert_eq!(env.events(id).await.len(), 2);

    // Removing the IBAN under the mandate model breaks a rule; with the service model, fine.
    let removed = env
        .update(
            &manager,
            UpdateOwnerCommand {
                owner_id: id,
                iban: Some(None),
                ..UpdateOwnerCommand::default()
            },
        )
        .await;
    assert_eq!(
        code(removed),
        (
            ErrorKind::Unprocessable,
            "owner.iban_required_for_mandate".to_owned()
        )
    );
    env.update(
        &manager,
        UpdateOwnerCommand {
            owner_id: id,
            iban: Some(None),
            money_model: Some(MoneyModel::Service),
            ..UpdateOwnerCommand::default()
        },
    )
    .await?;
    assert_eq!(env.owners.get.handle(&manager, id).await?.iban(), None);

    // Unknown owner: 404.
    let unknown = env
        .update(
            &manager,
            UpdateOwnerCommand {
                owner_id: Uuid::now_v7(),
                ..UpdateOwnerCommand::default()
            },
        )
        .await;
    assert_eq!(
        code(unknown),
        (ErrorKind::NotFound, "owner.not_found".to_owned())
    );
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn a_person_becomes_a_company_and_the_old_identity_is_dropped(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    let admin = env.staff(Role::Admin);
    let id = env.create(&admin, person("Ada", "Lovelace")).await?;

    // A company field without changing the kind is refused; so is a missing SIRET.
    let stray = env
        .update(
            &admin,
            UpdateOwnerCommand {
                owner_id: id,
                identity: IdentityInput {
                    siret: Some("73282932000074".into()),
                    ..IdentityInput::default()
                },
                ..UpdateOwnerCommand::default()
            },
        )
        .await;
    assert_eq!(
        pairs(&fields(stray)),
        [("siret", "owner.field_not_for_kind")]
    );
    let incomplete = env
        .update(
            &admin,
            UpdateOwnerCommand {
                owner_id: id,
                kind: Some(OwnerKindTag::Company),
                identity: IdentityInput {
                    legal_name: Some("SCI Lovelace".into()),
                    ..IdentityInput::default()
                },
                ..UpdateOwnerCommand::default()
            },
        )
        .await;
    assert_eq!(
        pairs(&fields(incomplete)),
        [("siret", "owner.field_required")]
    );

    env.update(
        &admin,
        UpdateOwnerCommand {
            owner_id: id,
            kind: Some(OwnerKindTag::Company),
            identity: IdentityInput {
                legal_name: Some("SCI Lovelace".into()),
                siret: Some("35600000049837".into()), // one of La Poste's
                ..IdentityInput::default()
            },
            ..UpdateOwnerCommand::default()
        },
    )
    .await?;
    let owner = env.owners.get.handle(&admin, id).await?;
    assert_eq!(owner.kind().tag(), OwnerKindTag::Company);
    assert_eq!(owner.kind().first_name(), None);
    let stored: (String, Option<String>, Option<String>) =
        sqlx::query_as("SELECT kind, first_name, siret FROM owners.owners WHERE id = $1")
            .bind(id)
            .fetch_one(&env.pool)
            .await?;
    assert_eq!(
        stored,
        (
            "company".to_owned(),
            None,
            Some("35600000049837".to_owned())
        )
    );
    assert_eq!(
        env.events(id).await[1].1["fields"],
        json!(["kind", "firstName", "lastName", "legalName", "siret"])
    );
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn linking_needs_an_existing_owner_account_once_and_the_directory_finds_it(
    pool: PgPool,
) -> TestResult {
    let env = env(pool).await?;
    let admin = env.staff(Role::Admin);
    let ada = env.create(&admin, person("Ada", "Lovelace")).await?;
    let bob = env.create(&admin, person("Bob", "Martin")).await?;
    let link = |owner_id, user_id| UpdateOwnerCommand {
        owner_id,
        user_id: Some(user_id),
        ..UpdateOwnerCommand::default()
    };

    // A guest's account, or no account at all: 422 naming `userId`.
    let guest = env.users.add(Role::Guest);
    for user_id in [guest.id, Uuid::now_v7()] {
        let err = env
            .update(&admin, link(ada, Some(user_id)))
            .await
            .unwrap_err();
        assert_eq!(
            (err.kind, err.code.as_ref()),
            (ErrorKind::Unprocessable, "owner.user_not_owner_role")
        );
        assert_eq!(err.errors[0].field, "userId");
    }

    let account = env.users.add(Role::Owner);
    env.update(&admin, link(ada, Some(account.id))).await?;
    assert_eq!(env.directory.owner_of_user(account.id).await?, Some(ada));
    assert_eq!(env.directory.owner_of_user(guest.id).await?, None);
    // Again: nothing new.
    env.update(&admin, link(ada, Some(account.id))).await?;

    // The same account for another owner: 409, and Bob is untouched.
    let taken = env.update(&admin, link(bob, Some(account.id))).await;
    assert_eq!(
        code(taken),
        (ErrorKind::Conflict, "owner.user_already_linked".to_owned())
    );
    assert_eq!(env.owners.get.handle(&admin, bob).await?.version(), 1);

    // Unlinking frees it.
    env.update(&admin, link(ada, None)).await?;
    assert_eq!(env.directory.owner_of_user(account.id).await?, None);
    env.update(&admin, link(bob, Some(account.id))).await?;
    assert_eq!(env.directory.owner_of_user(account.id).await?, Some(bob));

    let types: Vec<String> = env.events(ada).await.into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        types,
        [
            "owners.OwnerCreated",
            "owners.OwnerLinkedToUser",
            "owners.OwnerUnlinkedFromUser"
        ]
    );
    assert_eq!(
        env.events(bob).await[1].1,
        json!({"ownerId": bob, "userId": account.id})
    );

    // Linking at creation works too.
    let other = env.users.add(Role::Owner);
    let carol = env
        .create(
            &admin,
            CreateOwnerCommand {
                user_id: Some(other.id),
                ..person("Carol", "Durand")
            },
        )
        .await?;
    assert_eq!(env.directory.owner_of_user(other.id).await?, Some(carol));
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn ten_concurrent_links_of_one_account_let_exactly_one_owner_have_it(
    pool: PgPool,
) -> TestResult {
    let env = env(pool).await?;
    let admin = env.staff(Role::Admin);
    let account = env.users.add(Role::Owner);
    let mut owners = Vec::new();
    for n in 0..10 {
        owners.push(env.create(&admin, person(&format!("O{n}"), "Wner")).await?);
    }
    let user_id = account.id;
    let mut tasks = Vec::new();
    for owner_id in owners {
        let (owners, ctx) = (env.owners.clone(), admin.clone());
        tasks.push(tokio::spawn(async move {
            owners
                .link_user
                .handle(
                    &ctx,
                    LinkOwnerUserCommand {
                        owner_id,
                        user_id: Some(user_id),
                        expected_version: None,
                    },
                )
                .await
        }));
    }
    let (mut won, mut taken) = (0, 0);
    for task in tasks {
        match task.await? {
            Ok(()) => won += 1,
            Err(err) => {
                assert_eq!(err.code, "owner.user_already_linked", "{err:?}");
                taken += 1;
            }
        }
    }
    assert_eq!((won, taken), (1, 9));
    let linked: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM queue.messages WHERE type = 'owners.OwnerLinkedToUser'",
    )
    .fetch_one(&env.pool)
    .await?;
    assert_eq!(linked, 1, "only the winner's event is on the outbox");
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn an_owner_account_sees_only_its_own_record_and_guests_none(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    let manager = env.staff(Role::Manager);
    let mine = env.create(&manager, person("Ada", "Lovelace")).await?;
    let theirs = env.create(&manager, person("Bob", "Martin")).await?;
    let account = env.users.add(Role::Owner);
    env.update(
        &manager,
        UpdateOwnerCommand {
            owner_id: mine,
            user_id: Some(Some(account.id)),
            ..UpdateOwnerCommand::default()
        },
    )
    .await?;
    let me = as_user(&account);

    assert_eq!(env.owners.get.handle(&me, mine).await?.id(), mine);
    assert_eq!(
        code(env.owners.get.handle(&me, theirs).await),
        (ErrorKind::NotFound, "owner.not_found".to_owned())
    );
    let page = env
        .owners
        .list
        .handle(&me, ListOwnersQuery::default())
        .await?;
    let ids: Vec<Uuid> = page.items.iter().map(|o| o.id()).collect();
    assert_eq!(ids, [mine]);

    // An owner account linked to nothing sees nothing.
    let lonely = as_user(&env.users.add(Role::Owner));
    assert!(
        env.owners
            .list
            .handle(&lonely, ListOwnersQuery::default())
            .await?
            .items
            .is_empty()
    );
    assert_eq!(
        code(env.owners.get.handle(&lonely, mine).await).0,
        ErrorKind::NotFound
    );

    // Guests: 404 on a record, 403 on the list; nobody signed in: 401.
    let guest = env.staff(Role::Guest);
    assert_eq!(
        code(env.owners.get.handle(&guest, mine).await).0,
        ErrorKind::NotFound
    );
    assert_eq!(
        code(
            env.owners
                .list
                .handle(&guest, ListOwnersQuery::default())
                .await
        )
        .0,
        ErrorKind::Forbidden
    );
    let anonymous = ctx_of(Actor::Anonymous);
    assert_eq!(
        code(env.owners.get.handle(&anonymous, mine).await).0,
        ErrorKind::Unauthenticated
    );
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn staff_list_owners_filtered_by_kind_and_text_page_by_page(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    let admin = env.staff(Role::Admin);
    let ada = env.create(&admin, person("Ada", "Lovelace")).await?;
    env.clock.advance(Duration::seconds(1));
    let sci = env
        .create(&admin, company("SCI 100% Soleil", "73282932000074", None))
        .await?;
    env.clock.advance(Duration::seconds(1));
    let bob = env.create(&admin, person("Bob", "Martin")).await?;

    let list = |query: ListOwnersQuery| {
        let (owners, admin) = (env.owners.clone(), admin.clone());
        async move {
            let page = owners.list.handle(&admin, query).await.unwrap();
            let ids: Vec<Uuid> = page.items.iter().map(|o| o.id()).collect();
            (ids, page.next_cursor)
        }
    };

    // Newest first, two per page.
    let (first, cursor) = list(ListOwnersQuery {
        limit: Some(2),
        ..ListOwnersQuery::default()
    })
    .await;
    assert_eq!(first, [bob, sci]);
    let (rest, end) = list(ListOwnersQuery {
        limit: Some(2),
        cursor,
        ..ListOwnersQuery::default()
    })
    .await;
    assert_eq!((rest, end), (vec![ada], None));

    let by = |kind, q: &str| ListOwnersQuery {
        kind,
        q: Some(q.to_owned()),
        ..ListOwnersQuery::default()
    };
    assert_eq!(list(by(Some(OwnerKindTag::Company), "")).await.0, [sci]);
    assert_eq!(list(by(None, "ada LOVE")).await.0, [ada]);
    assert_eq!(list(by(None, "100%")).await.0, [sci]);
    assert_eq!(list(by(None, "10_%")).await.0, Vec::<Uuid>::new());
    assert_eq!(list(by(None, "7328293")).await.0, [sci]);
    assert_eq!(list(by(None, "bob@")).await.0, [bob]);
    assert_eq!(
        list(by(Some(OwnerKindTag::Company), "bob")).await.0,
        Vec::<Uuid>::new()
    );

    let err = env
        .owners
        .list
        .handle(
            &admin,
            ListOwnersQuery {
                limit: Some(101),
                ..ListOwnersQuery::default()
            },
        )
        .await;
    assert_eq!(pairs(&fields(err)), [("limit", "limit.out_of_range")]);
    Ok(())
}

mod http {
    //! The HTTP edge through the real router, nested under `/api/v1` as the app does; a
    //! stand-in for the auth middleware sets the actor from a header.

    use axum::{
        Router,
        body::{Body, to_bytes},
        extract::Request,
        http::{HeaderMap, Method, StatusCode, header},
        middleware::{self, Next},
        response::Response,
    };
    use sejour_owners::presentation::routes;
    use tower::ServiceExt;

    use super::*;

    /// `x-test-actor: <uuid>:<role>` becomes the request's actor.
    async fn test_actor(mut request: Request, next: Next) -> Response {
        let actor = request
            .headers()
            .get("x-test-actor")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split_once(':'))
            .and_then(|(id, role)| Some((id.parse().ok()?, Role::parse(role)?)));
        if let Some((id, role)) = actor {
            request.extensions_mut().insert(Actor::User { id, role });
        }
        next.run(request).await
    }

    fn app(env: &Env) -> Router {
        let (router, _api) = routes().with_state(env.owners.clone()).split_for_parts();
        Router::new()
            .nest("/api/v1", router)
            .layer(middleware::from_fn(test_actor))
    }

    async fn call(
        app: &Router,
        method: Method,
        uri: &str,
        actor: Option<&UserAccount>,
        headers: &[(&str, &str)],
        body: Option<Value>,
    ) -> (StatusCode, HeaderMap, Value) {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(actor) = actor {
            request = request.header("x-test-actor", format!("{}:{}", actor.id, actor.role));
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = match body {
            Some(body) => request
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string())),
            None => request.body(Body::empty()),
        }
        .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        let (parts, body) = response.into_parts();
        let bytes = to_bytes(body, 1 << 20).await.unwrap();
        let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (parts.status, parts.headers, json)
    }

    fn new_person(first: &str) -> Value {
        json!({
            "kind": "person",
            "firstName": first,
            "lastName": "Lovelace",
            "email": format!("{}@example.com", first.to_lowercase()),
            "phone": "06 12 34 56 78",
            "address": {"line1": "12 rue de Rivoli", "postalCode": "75004", "city": "Paris", "country": "fr"},
            "iban": "FR76 3000 6000 0112 3456 7890 189",
            "mandate": {"commissionBasisPoints": 2000, "startDate": "2026-01-01", "moneyModel": "mandate"}
        })
    }

    #[sqlx::test(migrations = false)]
    async fn the_routes_speak_json_etags_masked_ibans_and_problems(pool: PgPool) -> TestResult {
        let env = env(pool).await?;
        let admin = env.users.add(Role::Admin);
        let manager = env.users.add(Role::Manager);
        let guest = env.users.add(Role::Guest);
        let account = env.users.add(Role::Owner);
        let app = app(&env);
        use Method as M;

        // The checks: an invalid IBAN or SIRET is a 422 naming the field.
        let mut bad_iban = new_person("Ada");
        bad_iban["iban"] = json!("FR1420041010050500013M02607");
        let (status, headers, body) = call(
            &app,
            M::POST,
            "/api/v1/owners",
            Some(&manager),
            &[],
            Some(bad_iban),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
        assert_eq!(body["code"], "validation.failed");
        assert_eq!(body["errors"][0]["field"], "iban");
        assert_eq!(body["errors"][0]["code"], "iban.invalid_checksum");
        let bad_siret = json!({
            "kind": "company", "legalName": "SCI X", "siret": "73282932000075",
            "email": "x@example.com",
            "address": {"line1": "1 rue X", "postalCode": "75001", "city": "Paris", "country": "FR"},
            "mandate": {"commissionBasisPoints": 2000, "startDate": "2026-01-01", "moneyModel": "service"}
        });
        let (status, _, body) = call(
            &app,
            M::POST,
            "/api/v1/owners",
            Some(&manager),
            &[],
            Some(bad_siret),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["errors"][0]["field"], "siret");
        // A malformed date is a 422 naming its path; an unknown kind too.
        let mut bad_date = new_person("Ada");
        bad_date["mandate"]["startDate"] = json!("01/01/2026");
        let (status, _, body) = call(
            &app,
            M::POST,
            "/api/v1/owners",
            Some(&manager),
            &[],
            Some(bad_date),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["errors"][0]["field"], "mandate.startDate");

        // POST: 201 with Location and ETag; a guest or an owner may not.
        for who in [&guest, &account] {
            let (status, _, _) = call(
                &app,
                M::POST,
                "/api/v1/owners",
                Some(who),
                &[],
                Some(new_person("Ada")),
            )
            .await;
            assert_eq!(status, StatusCode::FORBIDDEN);
        }
        let (status, headers, body) = call(
            &app,
            M::POST,
            "/api/v1/owners",
            Some(&manager),
            &[],
            Some(new_person("Ada")),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let ada = body["id"].as_str().unwrap().to_owned();
        assert_eq!(
            headers[header::LOCATION],
            format!("/api/v1/owners/{ada}").as_str()
        );
        assert_eq!(headers[header::ETAG], "\"1\"");
        assert_eq!(body["kind"], "person");
        assert_eq!(body["displayName"], "Ada Lovelace");
        assert_eq!(body["legalName"], Value::Null);
        assert_eq!(body["phone"], "+33612345678");
        assert_eq!(body["address"]["country"], "FR");
        assert_eq!(
            body["mandate"],
            json!({"commissionBasisPoints": 2000, "startDate": "2026-01-01", "moneyModel": "mandate"})
        );
        assert_eq!(body["iban"], IBAN_MASKED, "managers see it masked");
        assert_eq!(body["userId"], Value::Null);
        env.clock.advance(Duration::seconds(1));
        let (_, _, body) = call(
            &app,
            M::POST,
            "/api/v1/owners",
            Some(&admin),
            &[],
            Some(new_person("Bob")),
        )
        .await;
        let bob = body["id"].as_str().unwrap().to_owned();
        assert_eq!(body["iban"], IBAN, "administrators see it whole");

        // GET: full IBAN for admins only.
        let ada_url = format!("/api/v1/owners/{ada}");
        let (status, headers, body) = call(&app, M::GET, &ada_url, Some(&admin), &[], None).await;
        assert_eq!(
            (status, body["iban"].as_str()),
            (StatusCode::OK, Some(IBAN))
        );
        assert_eq!(headers[header::ETAG], "\"1\"");
        let (_, _, body) = call(&app, M::GET, &ada_url, Some(&manager), &[], None).await;
        assert_eq!(body["iban"], IBAN_MASKED);

        // PATCH: link a guest's account: 422 `owner.user_not_owner_role`.
        let (status, _, body) = call(
            &app,
            M::PATCH,
            &ada_url,
            Some(&manager),
            &[("if-match", "\"1\"")],
            Some(json!({"userId": guest.id})),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("owner.user_not_owner_role")
            )
        );
        assert_eq!(body["errors"][0]["field"], "userId");
        // Link the owner account and change the mandate, with If-Match.
        let (status, headers, body) = call(
            &app,
            M::PATCH,
            &ada_url,
            Some(&manager),
            &[("if-match", "\"1\"")],
            Some(json!({"userId": account.id, "mandate": {"commissionBasisPoints": 1800}, "phone": null})),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(headers[header::ETAG], "\"2\"");
        assert_eq!(body["userId"], json!(account.id));
        assert_eq!(body["mandate"]["commissionBasisPoints"], 1800);
        assert_eq!(body["phone"], Value::Null);
        let (status, _, body) = call(
            &app,
            M::PATCH,
            &ada_url,
            Some(&manager),
            &[("if-match", "\"1\"")],
            Some(json!({"email": "late@example.com"})),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (
                StatusCode::PRECONDITION_FAILED,
                Some("owner.version_mismatch")
            )
        );
        let (status, _, body) = call(
            &app,
            M::PATCH,
            &ada_url,
            Some(&manager),
            &[("if-match", "nope")],
            Some(json!({})),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("request.invalid_if_match"))
        );
        let (status, _, _) = call(
            &app,
            M::PATCH,
            &ada_url,
            Some(&account),
            &[],
            Some(json!({"email": "me@example.com"})),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);

        // The owner account: its own record (IBAN masked), another is 404, the list is
        // its own record only.
        let (status, _, body) = call(&app, M::GET, &ada_url, Some(&account), &[], None).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["iban"], IBAN_MASKED);
        let bob_url = format!("/api/v1/owners/{bob}");
        let (status, _, body) = call(&app, M::GET, &bob_url, Some(&account), &[], None).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::NOT_FOUND, Some("owner.not_found"))
        );
        let (status, _, page) =
            call(&app, M::GET, "/api/v1/owners", Some(&account), &[], None).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(page["items"].as_array().map(Vec::len), Some(1));
        assert_eq!(page["items"][0]["id"], json!(ada));

        // Guests: 404 on a record, 403 on the list; anonymous: 401; bad id: 400.
        let (status, _, _) = call(&app, M::GET, &ada_url, Some(&guest), &[], None).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _, _) = call(&app, M::GET, "/api/v1/owners", Some(&guest), &[], None).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, headers, _) = call(&app, M::GET, "/api/v1/owners", None, &[], None).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
        let (status, _, _) = call(
            &app,
            M::GET,
            "/api/v1/owners/not-a-uuid",
            Some(&admin),
            &[],
            None,
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);

        // Staff list: pages with an opaque cursor, filters; bad parameters are 400.
        let (status, _, page) = call(
            &app,
            M::GET,
            "/api/v1/owners?limit=1",
            Some(&admin),
            &[],
            None,
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(page["items"][0]["id"], json!(bob));
        assert_eq!(page["items"][0]["iban"], IBAN);
        let cursor = page["nextCursor"].as_str().unwrap().to_owned();
        let (_, _, rest) = call(
            &app,
            M::GET,
            &format!("/api/v1/owners?limit=1&cursor={cursor}"),
            Some(&manager),
            &[],
            None,
        )
        .await;
        assert_eq!(rest["items"][0]["id"], json!(ada));
        assert_eq!(rest["items"][0]["iban"], IBAN_MASKED);
        assert_eq!(rest["nextCursor"], Value::Null);
        let (_, _, filtered) = call(
            &app,
            M::GET,
            "/api/v1/owners?kind=person&q=BOB",
            Some(&admin),
            &[],
            None,
        )
        .await;
        assert_eq!(filtered["items"].as_array().map(Vec::len), Some(1));
        for bad in ["kind=robot", "cursor=garbage", "limit=0"] {
            let (status, _, _) = call(
                &app,
                M::GET,
                &format!("/api/v1/owners?{bad}"),
                Some(&admin),
                &[],
                None,
            )
            .await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        }
        Ok(())
    }

    #[test]
    fn every_route_is_documented_with_bearer_security_under_the_owners_tag() {
        let (_, api) = routes().split_for_parts();
        let doc = serde_json::to_value(&api).unwrap();
        let expected = [
            ("/owners", "get"),
            ("/owners", "post"),
            ("/owners/{id}", "get"),
            ("/owners/{id}", "patch"),
        ];
        for (path, method) in expected {
            let op = &doc["paths"][path][method];
            assert_eq!(op["tags"], json!(["owners"]), "{method} {path}");
            assert_eq!(
                op["security"],
                json!([{"bearerAuth": []}]),
                "{method} {path}"
            );
            for status in ["401", "400"] {
                assert_eq!(
                    op["responses"][status]["content"]["application/problem+json"]["schema"]["$ref"],
                    "#/components/schemas/Problem",
                    "{method} {path} {status}"
                );
            }
        }
        assert_eq!(doc["paths"].as_object().map(|p| p.len()), Some(2));
        let owner = &doc["components"]["schemas"]["OwnerDto"]["properties"];
        for field in [
            "id",
            "kind",
            "firstName",
            "lastName",
            "legalName",
            "siret",
            "vatNumber",
            "displayName",
            "email",
            "phone",
            "address",
            "iban",
            "mandate",
            "userId",
            "createdAt",
            "updatedAt",
            "version",
        ] {
            assert!(owner.get(field).is_some(), "OwnerDto.{field}");
        }
        let patch = &doc["paths"]["/owners/{id}"]["patch"]["responses"];
        for status in ["404", "409", "412", "422"] {
            assert!(patch.get(status).is_some(), "PATCH {status}");
        }
    }
}
