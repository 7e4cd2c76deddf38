//! User management by administrators: versions, roles, disabling, creating with a password.

use crate::support::*;

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
    let mut first = env.users.find_by_id(guest.id).await?.unwrap();
    let mut second = env.users.find_by_id(guest.id).await?.unwrap();
    first.change_role(admin.id, Role::Owner, env.clock.now())?;
    let mut tx = env.uow.begin().await?;
    env.users
        .update(&mut tx, &as_user(&admin), &mut first)
        .await?;
    env.uow.commit(tx).await?;
    assert_eq!(first.version(), 2);

    second.disable(admin.id, env.clock.now())?;
    let mut tx = env.uow.begin().await?;
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
    drop(tx); // rolled back
    let stored = env.users.find_by_id(guest.id).await?.unwrap();
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
        code(update_user(&env.app, &as_user(&admin), command(1)).await),
        (
            ErrorKind::PreconditionFailed,
            "user.version_mismatch".to_owned()
        )
    );
    update_user(&env.app, &as_user(&admin), command(2)).await?;
    let stored = env.users.find_by_id(guest.id).await?.unwrap();
    assert_eq!((stored.is_disabled(), stored.version()), (true, 3));
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
                &env.app,
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
                &env.app,
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
                &env.app,
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
                &env.app,
                &as_user(&admin),
                change(Uuid::now_v7(), None, Some(true))
            )
            .await
        ),
        (ErrorKind::NotFound, "user.not_found".to_owned())
    );
    let me = env.users.find_by_id(admin.id).await?.unwrap();
    assert_eq!(
        (me.role(), me.is_disabled(), me.version()),
        (Role::Admin, false, 1)
    );

    // Confirming their own role is no change, hence allowed.
    update_user(
        &env.app,
        &as_user(&admin),
        change(admin.id, Some(Role::Admin), Some(false)),
    )
    .await?;
    assert_eq!(env.users.find_by_id(admin.id).await?.unwrap().version(), 1);

    // Role and state of someone else, in one version.
    update_user(
        &env.app,
        &as_user(&admin),
        change(guest.id, Some(Role::Owner), Some(true)),
    )
    .await?;
    update_user(
        &env.app,
        &as_user(&admin),
        change(guest.id, None, Some(false)),
    )
    .await?;
    let user = env.users.find_by_id(guest.id).await?.unwrap();
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

#[sqlx::test(migrations = false)]
async fn create_user_with_a_refused_password_leaves_no_account(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    let admin = env
        .create_ok("admin@example.com", "Root", "Admin", Role::Admin)
        .await;
    let err = create_user(
        &env.with_credentials(Arc::new(RefusingCredentials)),
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
    let credentials = Arc::new(RecordingCredentials::default());
    let id = create_user(
        &env.with_credentials(credentials.clone()),
        &as_user(&admin),
        create_command("New@Example.com"),
    )
    .await?;
    assert_eq!(
        *credentials.calls.lock().unwrap(),
        [(id, "correct horse battery staple".to_owned(), true)]
    );
    let user = env.users.find_by_id(id).await?.unwrap();
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
        &env.with_credentials(credentials.clone()),
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
        &env.with_credentials(credentials.clone()),
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
    let manager = env.users.find_by_id(id).await?.unwrap();
    let manager_ctx = ctx_of(Actor::User {
        id: manager.id(),
        role: manager.role(),
    });
    assert_eq!(
        code(
            create_user(
                &env.with_credentials(credentials.clone()),
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
