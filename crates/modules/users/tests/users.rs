//! The users context against a real PostgreSQL (one fresh database per test).
//!
//! Run with `DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::{
    error::Error,
    sync::{Arc, Mutex},
};

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use sejour_core::{
    Actor, AppError, Clock, Ctx, ErrorKind, FieldError, Role, UuidV7Generator,
    ports::ManualClock,
    value_objects::{Email, PhoneNumber},
};
use sejour_users::{
    application::{
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
    domain::{Language, ProfileField, UserEvent},
    infrastructure::{PgUserDirectory, PgUserRepository},
};
use serde_json::{Value, json};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

type TestResult = Result<(), Box<dyn Error>>;

async fn migrate(pool: &PgPool) -> TestResult {
    sejour_infrastructure::db::merge_migrators(&[
        &sejour_infrastructure::db::MIGRATOR,
        &sejour_users::MIGRATOR,
    ])?
    .run(pool)
    .await?;
    Ok(())
}

fn start() -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap()
}

/// A migrated database with a repository and a directory on a manual clock.
struct Env {
    pool: PgPool,
    clock: Arc<ManualClock>,
    users: PgUserRepository,
    directory: PgUserDirectory,
}

async fn env(pool: PgPool) -> Result<Env, Box<dyn Error>> {
    migrate(&pool).await?;
    let clock = Arc::new(ManualClock::new(start()));
    let ids = Arc::new(UuidV7Generator);
    Ok(Env {
        users: PgUserRepository::new(pool.clone(), clock.clone(), ids.clone()),
        directory: PgUserDirectory::new(pool.clone(), clock.clone(), ids),
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

fn system() -> Ctx {
    Ctx::system("test", "req-sys".into())
}

fn new_user(email: &str, first: &str, last: &str, role: Role) -> NewUser {
    NewUser {
        email: Email::parse(email).unwrap(),
        first_name: first.into(),
        last_name: last.into(),
        role,
    }
}

impl Env {
    /// Creates an account through the directory, in a transaction of its own.
    async fn create(&self, user: NewUser) -> Result<UserAccount, AppError> {
        let mut tx = self.pool.begin().await.unwrap();
        let account = self.directory.create(&mut tx, &system(), user).await?;
        tx.commit().await.unwrap();
        Ok(account)
    }

    async fn create_ok(&self, email: &str, first: &str, last: &str, role: Role) -> UserAccount {
        self.create(new_user(email, first, last, role))
            .await
            .unwrap()
    }

    async fn user_count(&self) -> i64 {
        sqlx::query_scalar("SELECT count(*) FROM users.users")
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }

    /// `(type, payload)` of the events about `user`, oldest first.
    async fn events(&self, user: Uuid) -> Vec<(String, Value)> {
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

fn code(result: Result<impl std::fmt::Debug, AppError>) -> (ErrorKind, String) {
    let err = result.unwrap_err();
    (err.kind, err.code.to_string())
}

#[sqlx::test(migrations = false)]
async fn directory_creates_then_finds_by_email_in_any_case_then_gets(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    assert!(!env.directory.has_admin().await?);
    let created = env
        .create_ok(
            "Ada.Lovelace@Example.COM",
            "  Ada ",
            "Lovelace",
            Role::Guest,
        )
        .await;
    assert_eq!(created.email.as_str(), "Ada.Lovelace@example.com");
    assert_eq!(created.first_name, "Ada");
    assert!(!created.disabled);

    let found = env
        .directory
        .find_by_email(&Email::parse("ada.lovelace@EXAMPLE.com")?)
        .await?;
    assert_eq!(found.as_ref(), Some(&created));
    assert_eq!(env.directory.get(created.id).await?, Some(created.clone()));
    assert_eq!(env.directory.get(Uuid::now_v7()).await?, None);
    assert_eq!(
        env.directory
            .find_by_email(&Email::parse("someone@example.com")?)
            .await?,
        None
    );

    // The profile starts in French, without a phone, at version 1.
    let user = env.users.get(created.id).await?.unwrap();
    assert_eq!(user.language(), Language::Fr);
    assert_eq!(user.phone(), None);
    assert_eq!(user.version(), 1);
    assert_eq!(user.created_at(), start());

    // has_admin counts enabled admins only.
    let admin = env
        .create_ok("admin@example.com", "Root", "Admin", Role::Admin)
        .await;
    assert!(env.directory.has_admin().await?);
    sqlx::query("UPDATE users.users SET disabled = true WHERE id = $1")
        .bind(admin.id)
        .execute(&env.pool)
        .await?;
    assert!(!env.directory.has_admin().await?);
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn directory_refuses_invalid_names_listing_each_field(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    let err = env
        .create(new_user("x@example.com", " ", "a\u{0}b", Role::Guest))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Unprocessable);
    let fields: Vec<(&str, &str)> = err
        .errors
        .iter()
        .map(|e| (e.field.as_str(), e.code.as_ref()))
        .collect();
    assert_eq!(
        fields,
        [
            ("firstName", "user.invalid_name"),
            ("lastName", "user.invalid_name")
        ]
    );
    assert_eq!(env.user_count().await, 0);
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn a_duplicate_email_in_another_case_is_409_email_taken(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    env.create_ok("zoe@example.com", "Zoé", "Martin", Role::Guest)
        .await;
    let again = env
        .create(new_user("ZOE@Example.com", "Other", "Person", Role::Owner))
        .await;
    assert_eq!(
        code(again),
        (ErrorKind::Conflict, "user.email_taken".to_owned())
    );
    assert_eq!(env.user_count().await, 1);
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn twenty_concurrent_creates_of_one_email_let_exactly_one_succeed(
    pool: PgPool,
) -> TestResult {
    let env = env(pool).await?;
    let mut tasks = Vec::new();
    for n in 0..20_u32 {
        let (pool, directory) = (env.pool.clone(), env.directory.clone());
        // The same address, in various cases.
        let local: String = "race"
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if n & (1 << i) == 0 {
                    c
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect();
        let user = new_user(
            &format!("{local}@example.com"),
            "Racer",
            "Number",
            Role::Guest,
        );
        tasks.push(tokio::spawn(async move {
            let mut tx = pool.begin().await.unwrap();
            let created = directory.create(&mut tx, &system(), user).await?;
            tx.commit().await.unwrap();
            Ok::<_, AppError>(created)
        }));
    }
    let (mut won, mut taken) = (0, 0);
    for task in tasks {
        match task.await? {
            Ok(_) => won += 1,
            Err(err) => {
                assert_eq!(err.code, "user.email_taken", "{err:?}");
                assert_eq!(err.kind, ErrorKind::Conflict);
                taken += 1;
            }
        }
    }
    assert_eq!((won, taken), (1, 19));
    assert_eq!(env.user_count().await, 1);
    let created: i64 =
        sqlx::query_scalar("SELECT count(*) FROM queue.messages WHERE type = 'users.UserCreated'")
            .fetch_one(&env.pool)
            .await?;
    assert_eq!(created, 1, "only the winner's event is on the outbox");
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn events_are_written_in_the_same_transaction_as_the_change(pool: PgPool) -> TestResult {
    let env = env(pool).await?;

    // Committed: the account and its event.
    let ctx = ctx_of(Actor::Anonymous);
    let mut tx = env.pool.begin().await?;
    let kept = env
        .directory
        .create(
            &mut tx,
            &ctx,
            new_user("kept@example.com", "Kept", "User", Role::Guest),
        )
        .await?;
    tx.commit().await?;
    let row: (
        String,
        String,
        Value,
        Option<String>,
        Option<String>,
        Option<String>,
    ) = sqlx::query_as(
        "SELECT type, aggregate_type, payload, actor, correlation_id, ip \
             FROM queue.messages WHERE aggregate_id = $1",
    )
    .bind(kept.id.to_string())
    .fetch_one(&env.pool)
    .await?;
    assert_eq!(
        row,
        (
            "users.UserCreated".to_owned(),
            "user".to_owned(),
            json!({"userId": kept.id, "email": "kept@example.com", "role": "guest"}),
            Some("anonymous".to_owned()),
            Some("corr-1".to_owned()),
            Some("203.0.113.7".to_owned()),
        )
    );

    // Rolled back: neither the account nor its event.
    let mut tx = env.pool.begin().await?;
    let gone = env
        .directory
        .create(
            &mut tx,
            &ctx,
            new_user("gone@example.com", "Gone", "User", Role::Guest),
        )
        .await?;
    let inside: i64 =
        sqlx::query_scalar("SELECT count(*) FROM queue.messages WHERE aggregate_id = $1")
            .bind(gone.id.to_string())
            .fetch_one(&mut *tx)
            .await?;
    assert_eq!(
        inside, 1,
        "the event is written on the caller's transaction"
    );
    tx.rollback().await?;
    assert_eq!(env.directory.get(gone.id).await?, None);
    assert!(env.events(gone.id).await.is_empty());
    assert_eq!(env.user_count().await, 1);
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn an_update_with_a_stale_version_is_412_version_mismatch(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    let admin = env
        .create_ok("admin@example.com", "Root", "Admin", Role::Admin)
        .await;
    let guest = env
        .create_ok("guest@example.com", "Gus", "Guest", Role::Guest)
        .await;

    // Two readers of version 1; the first to save wins.
    let mut first = env.users.get(guest.id).await?.unwrap();
    let mut second = env.users.get(guest.id).await?.unwrap();
    first.change_role(admin.id, Role::Owner, env.clock.now())?;
    let mut tx = env.pool.begin().await?;
    env.users
        .update(&mut tx, &as_user(&admin), &mut first)
        .await?;
    tx.commit().await?;
    assert_eq!(first.version(), 2);

    second.disable(admin.id, env.clock.now())?;
    let mut tx = env.pool.begin().await?;
    let stale = env
        .users
        .update(&mut tx, &as_user(&admin), &mut second)
        .await;
    assert_eq!(
        code(stale),
        (
            ErrorKind::PreconditionFailed,
            "user.version_mismatch".to_owned()
        )
    );
    tx.rollback().await?;
    let stored = env.users.get(guest.id).await?.unwrap();
    assert_eq!(
        (stored.role(), stored.is_disabled(), stored.version()),
        (Role::Owner, false, 2)
    );

    // Through the command: If-Match 1 is stale now, 2 is current.
    let command = |expected_version| UpdateUserCommand {
        user_id: guest.id,
        role: None,
        disabled: Some(true),
        expected_version: Some(expected_version),
    };
    assert_eq!(
        code(update_user(&env.users, &as_user(&admin), command(1)).await),
        (
            ErrorKind::PreconditionFailed,
            "user.version_mismatch".to_owned()
        )
    );
    update_user(&env.users, &as_user(&admin), command(2)).await?;
    let stored = env.users.get(guest.id).await?.unwrap();
    assert_eq!((stored.is_disabled(), stored.version()), (true, 3));
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn update_my_profile_changes_names_phone_and_language_and_names_the_fields(
    pool: PgPool,
) -> TestResult {
    let env = env(pool).await?;
    let me = env
        .create_ok("me@example.com", "Ada", "Lovelace", Role::Guest)
        .await;
    let ctx = as_user(&me);
    env.clock.advance(Duration::minutes(5));

    update_my_profile(
        &env.users,
        &ctx,
        UpdateMyProfileCommand {
            first_name: Some(" Augusta ".into()),
            last_name: Some("Lovelace".into()), // unchanged
            phone: Some(Some("06 12 34 56 78".into())),
            language: Some(Language::En),
            expected_version: Some(1),
        },
    )
    .await?;
    let user = get_me(&env.users, &ctx).await?;
    assert_eq!(user.first_name().as_str(), "Augusta");
    assert_eq!(user.phone(), Some(&PhoneNumber::parse("+33612345678")?));
    assert_eq!(user.language(), Language::En);
    assert_eq!(user.version(), 2);
    assert_eq!(user.updated_at(), start() + Duration::minutes(5));

    // null clears the phone; an omitted field stays; no If-Match is allowed.
    update_my_profile(
        &env.users,
        &ctx,
        UpdateMyProfileCommand {
            phone: Some(None),
            ..UpdateMyProfileCommand::default()
        },
    )
    .await?;
    let user = get_me(&env.users, &ctx).await?;
    assert_eq!(user.phone(), None);
    assert_eq!(user.language(), Language::En);
    assert_eq!(user.version(), 3);

    // Nothing changed: no new version, no event.
    update_my_profile(
        &env.users,
        &ctx,
        UpdateMyProfileCommand {
            language: Some(Language::En),
            expected_version: Some(3),
            ..UpdateMyProfileCommand::default()
        },
    )
    .await?;
    assert_eq!(get_me(&env.users, &ctx).await?.version(), 3);

    let events = env.events(me.id).await;
    let types: Vec<&str> = events.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        types,
        [
            "users.UserCreated",
            "users.UserProfileUpdated",
            "users.UserProfileUpdated"
        ]
    );
    assert_eq!(
        events[1].1,
        json!({"userId": me.id, "fields": ["firstName", "phone", "language"]})
    );
    assert_eq!(events[2].1, json!({"userId": me.id, "fields": ["phone"]}));

    // Stale, invalid, anonymous.
    let stale = UpdateMyProfileCommand {
        first_name: Some("Ada".into()),
        expected_version: Some(2),
        ..UpdateMyProfileCommand::default()
    };
    assert_eq!(
        code(update_my_profile(&env.users, &ctx, stale.clone()).await),
        (
            ErrorKind::PreconditionFailed,
            "user.version_mismatch".to_owned()
        )
    );
    let invalid = UpdateMyProfileCommand {
        phone: Some(Some("12345".into())),
        ..UpdateMyProfileCommand::default()
    };
    let err = update_my_profile(&env.users, &ctx, invalid)
        .await
        .unwrap_err();
    assert_eq!(err.code, "validation.failed");
    assert_eq!(
        err.errors,
        [FieldError::new(
            "phone",
            "phone_number.invalid_format",
            err.errors[0].message.clone()
        )]
    );
    assert_eq!(
        code(update_my_profile(&env.users, &ctx_of(Actor::Anonymous), stale).await),
        (
            ErrorKind::Unauthenticated,
            "auth.unauthenticated".to_owned()
        )
    );
    assert_eq!(
        code(get_me(&env.users, &ctx_of(Actor::Anonymous)).await),
        (
            ErrorKind::Unauthenticated,
            "auth.unauthenticated".to_owned()
        )
    );
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn get_user_shows_anyone_to_staff_and_only_themself_to_others(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    let guest = env
        .create_ok("guest@example.com", "Gus", "Guest", Role::Guest)
        .await;
    let owner = env
        .create_ok("owner@example.com", "Olga", "Owner", Role::Owner)
        .await;
    let manager = env
        .create_ok("manager@example.com", "Max", "Manager", Role::Manager)
        .await;

    assert_eq!(
        get_user(&env.users, &as_user(&guest), guest.id).await?.id(),
        guest.id
    );
    assert_eq!(
        get_user(&env.users, &as_user(&manager), guest.id)
            .await?
            .id(),
        guest.id
    );
    let not_found = (ErrorKind::NotFound, "user.not_found".to_owned());
    assert_eq!(
        code(get_user(&env.users, &as_user(&guest), owner.id).await),
        not_found
    );
    assert_eq!(
        code(get_user(&env.users, &as_user(&owner), guest.id).await),
        not_found
    );
    // For a guest, an unknown id and someone else's look the same.
    assert_eq!(
        code(get_user(&env.users, &as_user(&guest), Uuid::now_v7()).await),
        not_found
    );
    assert_eq!(
        code(get_user(&env.users, &as_user(&manager), Uuid::now_v7()).await),
        not_found
    );
    assert_eq!(
        code(get_user(&env.users, &ctx_of(Actor::Anonymous), guest.id).await),
        (
            ErrorKind::Unauthenticated,
            "auth.unauthenticated".to_owned()
        )
    );
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn update_user_is_for_admins_who_cannot_demote_or_disable_themselves(
    pool: PgPool,
) -> TestResult {
    let env = env(pool).await?;
    let admin = env
        .create_ok("admin@example.com", "Root", "Admin", Role::Admin)
        .await;
    let manager = env
        .create_ok("manager@example.com", "Max", "Manager", Role::Manager)
        .await;
    let guest = env
        .create_ok("guest@example.com", "Gus", "Guest", Role::Guest)
        .await;
    let change = |user_id, role, disabled| UpdateUserCommand {
        user_id,
        role,
        disabled,
        expected_version: None,
    };

    assert_eq!(
        code(
            update_user(
                &env.users,
                &as_user(&manager),
                change(guest.id, Some(Role::Owner), None)
            )
            .await
        ),
        (ErrorKind::Forbidden, "auth.forbidden".to_owned())
    );
    assert_eq!(
        code(
            update_user(
                &env.users,
                &as_user(&admin),
                change(admin.id, Some(Role::Manager), None)
            )
            .await
        ),
        (
            ErrorKind::Unprocessable,
            "user.cannot_change_own_role".to_owned()
        )
    );
    assert_eq!(
        code(
            update_user(
                &env.users,
                &as_user(&admin),
                change(admin.id, None, Some(true))
            )
            .await
        ),
        (
            ErrorKind::Unprocessable,
            "user.cannot_disable_self".to_owned()
        )
    );
    assert_eq!(
        code(
            update_user(
                &env.users,
                &as_user(&admin),
                change(Uuid::now_v7(), None, Some(true))
            )
            .await
        ),
        (ErrorKind::NotFound, "user.not_found".to_owned())
    );
    let me = env.users.get(admin.id).await?.unwrap();
    assert_eq!(
        (me.role(), me.is_disabled(), me.version()),
        (Role::Admin, false, 1)
    );

    // Confirming their own role is no change, hence allowed.
    update_user(
        &env.users,
        &as_user(&admin),
        change(admin.id, Some(Role::Admin), Some(false)),
    )
    .await?;
    assert_eq!(env.users.get(admin.id).await?.unwrap().version(), 1);

    // Role and state of someone else, in one version.
    update_user(
        &env.users,
        &as_user(&admin),
        change(guest.id, Some(Role::Owner), Some(true)),
    )
    .await?;
    update_user(
        &env.users,
        &as_user(&admin),
        change(guest.id, None, Some(false)),
    )
    .await?;
    let user = env.users.get(guest.id).await?.unwrap();
    assert_eq!(
        (user.role(), user.is_disabled(), user.version()),
        (Role::Owner, false, 3)
    );
    let events = env.events(guest.id).await;
    assert_eq!(
        events[1..],
        [
            (
                "users.UserRoleChanged".to_owned(),
                json!({"userId": guest.id, "from": "guest", "to": "owner"})
            ),
            ("users.UserDisabled".to_owned(), json!({"userId": guest.id})),
            ("users.UserEnabled".to_owned(), json!({"userId": guest.id})),
        ]
    );
    let actor: Option<String> =
        sqlx::query_scalar("SELECT actor FROM queue.messages WHERE type = 'users.UserRoleChanged'")
            .fetch_one(&env.pool)
            .await?;
    assert_eq!(actor, Some(format!("user:{}", admin.id)));
    Ok(())
}

/// Seeds six users a second apart (the last two at the same instant); returns their
/// emails, oldest first.
async fn seed(env: &Env) -> Vec<UserAccount> {
    let people = [
        ("ada@example.com", "Ada", "Lovelace", Role::Admin),
        ("bob@example.com", "Bob", "Martin", Role::Manager),
        ("carol_x@example.com", "Carol", "Dupont", Role::Owner),
        ("dan@example.com", "Dan", "Dupont", Role::Guest),
        ("eve@example.com", "Eve", "Dupont", Role::Guest),
        ("fred@sample.org", "Fred", "Fournier", Role::Guest),
    ];
    let mut accounts = Vec::new();
    for (n, (email, first, last, role)) in people.into_iter().enumerate() {
        if n < 5 {
            env.clock.advance(Duration::seconds(1));
        }
        accounts.push(env.create_ok(email, first, last, role).await);
    }
    accounts
}

fn emails(page: &[sejour_users::domain::User]) -> Vec<String> {
    page.iter()
        .map(|u| u.email().local_part().to_owned())
        .collect()
}

#[sqlx::test(migrations = false)]
async fn list_users_filters_by_role_state_and_text_newest_first(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    let people = seed(&env).await;
    let (ada, eve) = (&people[0], &people[4]);
    update_user(
        &env.users,
        &as_user(ada),
        UpdateUserCommand {
            user_id: eve.id,
            role: None,
            disabled: Some(true),
            expected_version: None,
        },
    )
    .await?;
    let staff = as_user(&people[1]); // a manager
    let list = |query: ListUsersQuery| {
        let (users, staff) = (env.users.clone(), staff.clone());
        async move {
            list_users(&users, &staff, query)
                .await
                .map(|p| emails(&p.items))
        }
    };

    assert_eq!(
        list(ListUsersQuery::default()).await?,
        ["fred", "eve", "dan", "carol_x", "bob", "ada"]
    );
    assert_eq!(
        list(ListUsersQuery {
            role: Some(Role::Guest),
            ..Default::default()
        })
        .await?,
        ["fred", "eve", "dan"]
    );
    assert_eq!(
        list(ListUsersQuery {
            disabled: Some(true),
            ..Default::default()
        })
        .await?,
        ["eve"]
    );
    assert_eq!(
        list(ListUsersQuery {
            role: Some(Role::Guest),
            disabled: Some(false),
            ..Default::default()
        })
        .await?,
        ["fred", "dan"]
    );
    let q = |text: &str| ListUsersQuery {
        q: Some(text.into()),
        ..Default::default()
    };
    assert_eq!(list(q("DUPONT")).await?, ["eve", "dan", "carol_x"]);
    assert_eq!(list(q(" ada lovelace ")).await?, ["ada"]);
    assert_eq!(list(q("SAMPLE.org")).await?, ["fred"]);
    // LIKE wildcards are plain characters.
    assert_eq!(list(q("_")).await?, ["carol_x"]);
    assert!(list(q("%")).await?.is_empty());
    assert!(list(q("b%b")).await?.is_empty());
    // A blank q is no filter.
    assert_eq!(list(q("  ")).await?.len(), 6);

    // Only admins and managers.
    let guest = as_user(&people[3]);
    assert_eq!(
        code(list_users(&env.users, &guest, ListUsersQuery::default()).await),
        (ErrorKind::Forbidden, "auth.forbidden".to_owned())
    );
    assert_eq!(
        code(
            list_users(
                &env.users,
                &ctx_of(Actor::Anonymous),
                ListUsersQuery::default()
            )
            .await
        ),
        (
            ErrorKind::Unauthenticated,
            "auth.unauthenticated".to_owned()
        )
    );
    assert_eq!(
        code(
            list_users(
                &env.users,
                &staff,
                ListUsersQuery {
                    limit: Some(101),
                    ..Default::default()
                }
            )
            .await
        ),
        (ErrorKind::Unprocessable, "validation.failed".to_owned())
    );
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn list_users_pages_by_keyset_without_gaps_or_repeats(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    let people = seed(&env).await;
    let staff = as_user(&people[0]);
    let everyone = list_users(&env.users, &staff, ListUsersQuery::default()).await?;
    assert_eq!(everyone.next_cursor, None);
    let everyone = emails(&everyone.items);

    for limit in [1, 2, 4, 6] {
        let (mut seen, mut cursor, mut pages) = (Vec::new(), None::<UserCursor>, 0);
        loop {
            let page = list_users(
                &env.users,
                &staff,
                ListUsersQuery {
                    cursor,
                    limit: Some(limit),
                    ..Default::default()
                },
            )
            .await?;
            assert!(page.items.len() <= limit as usize);
            seen.extend(emails(&page.items));
            pages += 1;
            match page.next_cursor {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        assert_eq!(seen, everyone, "limit {limit}");
        assert_eq!(pages, 6_usize.div_ceil(limit as usize), "limit {limit}");
    }

    // The first page of two, then the rest of the guests after it.
    let guests = ListUsersQuery {
        role: Some(Role::Guest),
        limit: Some(2),
        ..Default::default()
    };
    let first = list_users(&env.users, &staff, guests.clone()).await?;
    assert_eq!(emails(&first.items), ["fred", "eve"]);
    let rest = list_users(
        &env.users,
        &staff,
        ListUsersQuery {
            cursor: first.next_cursor,
            ..guests
        },
    )
    .await?;
    assert_eq!(
        (emails(&rest.items), rest.next_cursor),
        (vec!["dan".to_owned()], None)
    );
    Ok(())
}

/// Credentials that refuse every password, as a password policy would a weak one.
struct RefusingCredentials;

#[async_trait]
impl Credentials for RefusingCredentials {
    async fn set_password(
        &self,
        _conn: &mut PgConnection,
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
struct RecordingCredentials {
    calls: Mutex<Vec<(Uuid, String, bool)>>,
}

#[async_trait]
impl Credentials for RecordingCredentials {
    async fn set_password(
        &self,
        conn: &mut PgConnection,
        user_id: Uuid,
        password: &str,
    ) -> Result<(), AppError> {
        let visible: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM users.users WHERE id = $1)")
                .bind(user_id)
                .fetch_one(conn)
                .await
                .map_err(AppError::internal)?;
        self.calls
            .lock()
            .unwrap()
            .push((user_id, password.to_owned(), visible));
        Ok(())
    }
}

fn create_command(email: &str) -> CreateUserCommand {
    CreateUserCommand {
        email: email.into(),
        password: "correct horse battery staple".into(),
        first_name: "New".into(),
        last_name: "Person".into(),
        role: Role::Manager,
    }
}

#[sqlx::test(migrations = false)]
async fn create_user_with_a_refused_password_leaves_no_account(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    let admin = env
        .create_ok("admin@example.com", "Root", "Admin", Role::Admin)
        .await;
    let err = create_user(
        &env.users,
        &RefusingCredentials,
        &as_user(&admin),
        create_command("new@example.com"),
    )
    .await
    .unwrap_err();
    assert_eq!(err.code, "validation.failed");
    assert_eq!(err.errors[0].field, "password");
    assert_eq!(env.user_count().await, 1);
    assert!(
        env.directory
            .find_by_email(&Email::parse("new@example.com")?)
            .await?
            .is_none()
    );
    let created: i64 = sqlx::query_scalar("SELECT count(*) FROM queue.messages")
        .fetch_one(&env.pool)
        .await?;
    assert_eq!(created, 1, "only the admin's own UserCreated");
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn create_user_sets_the_password_in_the_same_transaction(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    let admin = env
        .create_ok("admin@example.com", "Root", "Admin", Role::Admin)
        .await;
    let credentials = RecordingCredentials::default();
    let id = create_user(
        &env.users,
        &credentials,
        &as_user(&admin),
        create_command("New@Example.com"),
    )
    .await?;
    assert_eq!(
        *credentials.calls.lock().unwrap(),
        [(id, "correct horse battery staple".to_owned(), true)]
    );
    let user = env.users.get(id).await?.unwrap();
    assert_eq!(
        (user.email().as_str(), user.role()),
        ("New@example.com", Role::Manager)
    );
    assert_eq!(
        env.events(id).await,
        [(
            "users.UserCreated".to_owned(),
            json!({"userId": id, "email": "New@example.com", "role": "manager"})
        )]
    );

    // The same email again, in another case: 409 before any password is set.
    let again = create_user(
        &env.users,
        &credentials,
        &as_user(&admin),
        create_command("new@EXAMPLE.com"),
    )
    .await;
    assert_eq!(
        code(again),
        (ErrorKind::Conflict, "user.email_taken".to_owned())
    );
    assert_eq!(credentials.calls.lock().unwrap().len(), 1);

    // Invalid fields, all listed; non-admins refused.
    let err = create_user(
        &env.users,
        &credentials,
        &as_user(&admin),
        CreateUserCommand {
            email: "not-an-email".into(),
            first_name: "".into(),
            ..create_command("x@example.com")
        },
    )
    .await
    .unwrap_err();
    let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["email", "firstName"]);
    let manager = env.users.get(id).await?.unwrap();
    let manager_ctx = ctx_of(Actor::User {
        id: manager.id(),
        role: manager.role(),
    });
    assert_eq!(
        code(
            create_user(
                &env.users,
                &credentials,
                &manager_ctx,
                create_command("y@example.com")
            )
            .await
        ),
        (ErrorKind::Forbidden, "auth.forbidden".to_owned())
    );
    assert_eq!(env.user_count().await, 2);
    Ok(())
}

#[test]
fn event_payloads_are_camel_case_objects_without_a_tag() {
    let user_id = Uuid::from_u128(9);
    let payload = |event: &UserEvent| serde_json::to_value(event).unwrap();
    assert_eq!(
        payload(&UserEvent::UserProfileUpdated {
            user_id,
            fields: vec![ProfileField::FirstName, ProfileField::Language],
        }),
        json!({"userId": user_id, "fields": ["firstName", "language"]})
    );
    assert_eq!(
        payload(&UserEvent::UserRoleChanged {
            user_id,
            from: Role::Guest,
            to: Role::Admin
        }),
        json!({"userId": user_id, "from": "guest", "to": "admin"})
    );
    assert_eq!(
        payload(&UserEvent::UserDisabled { user_id }),
        json!({"userId": user_id})
    );
}

mod http {
    //! A smoke test of the HTTP edge through the real router, nested under `/api/v1`
    //! as the app does; a stand-in for the auth middleware sets the actor from a header.

    use axum::{
        Router,
        body::{Body, to_bytes},
        extract::Request,
        http::{HeaderMap, Method, StatusCode, header},
        middleware::{self, Next},
        response::Response,
    };
    use sejour_users::presentation::{UsersState, routes};
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
        let (router, _api) = routes()
            .with_state(UsersState {
                pool: env.pool.clone(),
                clock: env.clock.clone(),
                ids: Arc::new(UuidV7Generator),
                credentials: Arc::new(RecordingCredentials::default()),
            })
            .split_for_parts();
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

    #[sqlx::test(migrations = false)]
    async fn the_routes_speak_json_etags_and_problems(pool: PgPool) -> TestResult {
        let env = env(pool).await?;
        let admin = env
            .create_ok("admin@example.com", "Root", "Admin", Role::Admin)
            .await;
        let guest = env
            .create_ok("guest@example.com", "Gus", "Guest", Role::Guest)
            .await;
        let app = app(&env);
        use Method as M;

        // Anonymous: 401 problem.
        let (status, headers, body) = call(&app, M::GET, "/api/v1/users/me", None, &[], None).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
        assert_eq!(body["code"], "auth.unauthenticated");

        // GET me: camelCase with an ETag.
        let (status, headers, body) =
            call(&app, M::GET, "/api/v1/users/me", Some(&guest), &[], None).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::ETAG], "\"1\"");
        assert_eq!(body["firstName"], "Gus");
        assert_eq!(body["phone"], Value::Null);
        assert_eq!(body["language"], "fr");
        assert_eq!(body["role"], "guest");
        assert_eq!(body["version"], 1);
        assert!(body["createdAt"].is_string());

        // PATCH me with If-Match: set the phone, then clear it with null.
        let patch = |if_match: &'static str, body: Value| {
            let app = app.clone();
            let guest = guest.clone();
            async move {
                call(
                    &app,
                    M::PATCH,
                    "/api/v1/users/me",
                    Some(&guest),
                    &[("if-match", if_match)],
                    Some(body),
                )
                .await
            }
        };
        let (status, headers, body) = patch(
            "\"1\"",
            json!({"phone": "06 12 34 56 78", "language": "en"}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(headers[header::ETAG], "\"2\"");
        assert_eq!(
            (body["phone"].as_str(), body["language"].as_str()),
            (Some("+33612345678"), Some("en"))
        );
        let (status, _, body) = patch("\"1\"", json!({"firstName": "Late"})).await;
        assert_eq!(status, StatusCode::PRECONDITION_FAILED);
        assert_eq!(body["code"], "user.version_mismatch");
        let (status, _, body) = patch("*", json!({"phone": null})).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            (
                body["phone"].clone(),
                body["firstName"].clone(),
                body["version"].clone()
            ),
            (Value::Null, json!("Gus"), json!(3))
        );
        let (status, _, body) = patch("*", json!({"phone": "12", "lastName": ""})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["errors"][0]["field"], "lastName");
        assert_eq!(body["errors"][1]["field"], "phone");
        let (status, _, body) = patch("nope", json!({})).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("request.invalid_if_match"))
        );

        // POST /users: 201 with Location; a guest may not.
        let new = json!({"email": "new@example.com", "password": "long enough", "firstName": "N", "lastName": "U", "role": "owner"});
        let (status, _, _) = call(
            &app,
            M::POST,
            "/api/v1/users",
            Some(&guest),
            &[],
            Some(new.clone()),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, headers, body) = call(
            &app,
            M::POST,
            "/api/v1/users",
            Some(&admin),
            &[],
            Some(new.clone()),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let id = body["id"].as_str().unwrap().to_owned();
        assert_eq!(
            headers[header::LOCATION],
            format!("/api/v1/users/{id}").as_str()
        );
        assert_eq!(headers[header::ETAG], "\"1\"");
        let (status, _, body) =
            call(&app, M::POST, "/api/v1/users", Some(&admin), &[], Some(new)).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::CONFLICT, Some("user.email_taken"))
        );

        // GET /users/{id}: a guest sees only themself; a bad id is 400.
        let other = format!("/api/v1/users/{id}");
        let (status, _, _) = call(&app, M::GET, &other, Some(&guest), &[], None).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, headers, _) = call(&app, M::GET, &other, Some(&admin), &[], None).await;
        assert_eq!(
            (status, &headers[header::ETAG]),
            (StatusCode::OK, &"\"1\"".parse::<axum::http::HeaderValue>()?)
        );
        let (status, _, _) = call(
            &app,
            M::GET,
            "/api/v1/users/not-a-uuid",
            Some(&admin),
            &[],
            None,
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);

        // PATCH /users/{id}: admins; not themselves.
        let (status, headers, body) = call(
            &app,
            M::PATCH,
            &other,
            Some(&admin),
            &[("if-match", "\"1\"")],
            Some(json!({"role": "manager", "disabled": true})),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(
            (body["role"].as_str(), body["disabled"].as_bool()),
            (Some("manager"), Some(true))
        );
        assert_eq!(headers[header::ETAG], "\"2\"");
        let mine = format!("/api/v1/users/{}", admin.id);
        let (status, _, body) = call(
            &app,
            M::PATCH,
            &mine,
            Some(&admin),
            &[],
            Some(json!({"disabled": true})),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("user.cannot_disable_self")
            )
        );

        // GET /users: pages with an opaque cursor; guests are refused.
        let (status, _, page) = call(
            &app,
            M::GET,
            "/api/v1/users?limit=2",
            Some(&admin),
            &[],
            None,
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(page["items"].as_array().map(Vec::len), Some(2));
        assert_eq!(page["items"][0]["email"], "new@example.com");
        let cursor = page["nextCursor"].as_str().unwrap().to_owned();
        let (_, _, rest) = call(
            &app,
            M::GET,
            &format!("/api/v1/users?limit=2&cursor={cursor}"),
            Some(&admin),
            &[],
            None,
        )
        .await;
        assert_eq!(rest["items"].as_array().map(Vec::len), Some(1));
        assert_eq!(rest["nextCursor"], Value::Null);
        let (_, _, filtered) = call(
            &app,
            M::GET,
            "/api/v1/users?role=manager&disabled=true&q=NEW",
            Some(&admin),
            &[],
            None,
        )
        .await;
        assert_eq!(filtered["items"].as_array().map(Vec::len), Some(1));
        let (status, _, _) = call(
            &app,
            M::GET,
            "/api/v1/users?role=root",
            Some(&admin),
            &[],
            None,
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let (status, _, _) = call(
            &app,
            M::GET,
            "/api/v1/users?cursor=garbage",
            Some(&admin),
            &[],
            None,
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let (status, _, _) = call(&app, M::GET, "/api/v1/users", Some(&guest), &[], None).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        Ok(())
    }

    #[test]
    fn every_route_is_documented_with_bearer_security_under_the_users_tag() {
        let (_, api) = routes().split_for_parts();
        let doc = serde_json::to_value(&api).unwrap();
        let expected = [
            ("/users/me", "get"),
            ("/users/me", "patch"),
            ("/users", "get"),
            ("/users", "post"),
            ("/users/{id}", "get"),
            ("/users/{id}", "patch"),
        ];
        for (path, method) in expected {
            let op = &doc["paths"][path][method];
            assert_eq!(op["tags"], json!(["users"]), "{method} {path}");
            assert_eq!(
                op["security"],
                json!([{"bearerAuth": []}]),
                "{method} {path}"
            );
            assert_eq!(
                op["responses"]["401"]["content"]["application/problem+json"]["schema"]["$ref"],
                "#/components/schemas/Problem",
                "{method} {path}"
            );
        }
        assert_eq!(doc["paths"].as_object().map(|p| p.len()), Some(3));
        let user = &doc["components"]["schemas"]["UserDto"]["properties"];
        for field in [
            "id",
            "email",
            "firstName",
            "lastName",
            "phone",
            "language",
            "role",
            "disabled",
            "createdAt",
            "updatedAt",
            "version",
        ] {
            assert!(user.get(field).is_some(), "UserDto.{field}");
        }
        assert_eq!(
            doc["paths"]["/users/{id}"]["patch"]["responses"]["412"]["description"]
                .as_str()
                .map(|d| d.contains("version_mismatch")),
            Some(true)
        );
    }
}
