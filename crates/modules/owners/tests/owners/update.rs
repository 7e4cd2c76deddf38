//! Updating owners: staff only, changed fields named (never the IBAN), versions honoured,
//! a person becoming a company.

use super::*;

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
