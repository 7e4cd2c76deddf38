//! Who sees which owners, and the staff's filtered, paged list.

use super::*;

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
