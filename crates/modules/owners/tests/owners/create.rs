//! Creating owners: stored whole with their event, invalid fields and broken rules refused.

use super::*;

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
