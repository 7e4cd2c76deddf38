//! Linking owners to user accounts: an existing owner account, once; the directory finds it.

use super::*;

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
