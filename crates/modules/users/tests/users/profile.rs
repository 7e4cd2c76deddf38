//! A user's own profile, and who may see whom.

use crate::support::*;

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
        &env.app,
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
    let user = get_me(&env.app, &ctx).await?;
    assert_eq!(user.first_name().as_str(), "Augusta");
    assert_eq!(user.phone(), Some(&PhoneNumber::parse("+33612345678")?));
    assert_eq!(user.language(), Language::En);
    assert_eq!(user.version(), 2);
    assert_eq!(user.updated_at(), start() + Duration::minutes(5));

    // null clears the phone; an omitted field stays; no If-Match is allowed.
    update_my_profile(
        &env.app,
        &ctx,
        UpdateMyProfileCommand {
            phone: Some(None),
            ..UpdateMyProfileCommand::default()
        },
    )
    .await?;
    let user = get_me(&env.app, &ctx).await?;
    assert_eq!(user.phone(), None);
    assert_eq!(user.language(), Language::En);
    assert_eq!(user.version(), 3);

    // Nothing changed: no new version, no event.
    update_my_profile(
        &env.app,
        &ctx,
        UpdateMyProfileCommand {
            language: Some(Language::En),
            expected_version: Some(3),
            ..UpdateMyProfileCommand::default()
        },
    )
    .await?;
    assert_eq!(get_me(&env.app, &ctx).await?.version(), 3);

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
        code(update_my_profile(&env.app, &ctx, stale.clone()).await),
        (
            ErrorKind::PreconditionFailed,
            "user.version_mismatch".to_owned()
        )
    );
    let invalid = UpdateMyProfileCommand {
        phone: Some(Some("12345".into())),
        ..UpdateMyProfileCommand::default()
    };
    let err = update_my_profile(&env.app, &ctx, invalid)
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
        code(update_my_profile(&env.app, &ctx_of(Actor::Anonymous), stale).await),
        (
            ErrorKind::Unauthenticated,
            "auth.unauthenticated".to_owned()
        )
    );
    assert_eq!(
        code(get_me(&env.app, &ctx_of(Actor::Anonymous)).await),
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
        get_user(&env.app, &as_user(&guest), guest.id).await?.id(),
        guest.id
    );
    assert_eq!(
        get_user(&env.app, &as_user(&manager), guest.id).await?.id(),
        guest.id
    );
    let not_found = (ErrorKind::NotFound, "user.not_found".to_owned());
    assert_eq!(
        code(get_user(&env.app, &as_user(&guest), owner.id).await),
        not_found
    );
    assert_eq!(
        code(get_user(&env.app, &as_user(&owner), guest.id).await),
        not_found
    );
    // For a guest, an unknown id and someone else's look the same.
    assert_eq!(
        code(get_user(&env.app, &as_user(&guest), Uuid::now_v7()).await),
        not_found
    );
    assert_eq!(
        code(get_user(&env.app, &as_user(&manager), Uuid::now_v7()).await),
        not_found
    );
    assert_eq!(
        code(get_user(&env.app, &ctx_of(Actor::Anonymous), guest.id).await),
        (
            ErrorKind::Unauthenticated,
            "auth.unauthenticated".to_owned()
        )
    );
    Ok(())
}
