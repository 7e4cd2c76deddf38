//! The published `UserDirectory`: creating, finding, unique emails.

use crate::support::*;

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
    let user = env.users.find_by_id(created.id).await?.unwrap();
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
        let (uow, directory) = (env.uow.clone(), env.directory.clone());
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
            let mut tx = uow.begin().await.unwrap();
            let created = directory.create(&mut tx, &system(), user).await?;
            uow.commit(tx).await.unwrap();
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
