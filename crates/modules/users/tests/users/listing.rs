//! Listing users: filters and keyset pages.

use crate::support::*;

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
        &env.app,
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
        let (users, staff) = (env.app.clone(), staff.clone());
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
        code(list_users(&env.app, &guest, ListUsersQuery::default()).await),
        (ErrorKind::Forbidden, "auth.forbidden".to_owned())
    );
    assert_eq!(
        code(
            list_users(
                &env.app,
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
                &env.app,
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
    let everyone = list_users(&env.app, &staff, ListUsersQuery::default()).await?;
    assert_eq!(everyone.next_cursor, None);
    let everyone = emails(&everyone.items);

    for limit in [1, 2, 4, 6] {
        let (mut seen, mut cursor, mut pages) = (Vec::new(), None::<UserCursor>, 0);
        loop {
            let page = list_users(
                &env.app,
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
    let first = list_users(&env.app, &staff, guests.clone()).await?;
    assert_eq!(emails(&first.items), ["fred", "eve"]);
    let rest = list_users(
        &env.app,
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
