//! Events on the outbox, in the same transaction as the change, and their JSON.

use crate::support::*;

#[sqlx::test(migrations = false)]
async fn events_are_written_in_the_same_transaction_as_the_change(pool: PgPool) -> TestResult {
    let env = env(pool).await?;

    // Committed: the account and its event.
    let ctx = ctx_of(Actor::Anonymous);
    let mut tx = env.uow.begin().await?;
    let kept = env
        .directory
        .create(
            &mut tx,
            &ctx,
            new_user("kept@example.com", "Kept", "User", Role::Guest),
        )
        .await?;
    env.uow.commit(tx).await?;
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
    let mut tx = env.uow.begin().await?;
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
            .fetch_one(pg(&mut tx)?)
            .await?;
    assert_eq!(
        inside, 1,
        "the event is written on the caller's transaction"
    );
    drop(tx); // rolled back
    assert_eq!(env.directory.get(gone.id).await?, None);
    assert!(env.events(gone.id).await.is_empty());
    assert_eq!(env.user_count().await, 1);
    Ok(())
}

#[test]
fn event_payloads_are_camel_case_objects_without_a_tag() {
    let user_id = Uuid::from_u128(9);
    let payload = |event: &UserEvent| serde_json::to_value(event).unwrap();
    assert_eq!(
        payload(&UserEvent::UserProfileUpdated(UserProfileUpdated {
            user_id,
            fields: vec![ProfileField::FirstName, ProfileField::Language],
        })),
        json!({"userId": user_id, "fields": ["firstName", "language"]})
    );
    assert_eq!(
        payload(&UserEvent::UserRoleChanged(UserRoleChanged {
            user_id,
            from: Role::Guest,
            to: Role::Admin
        })),
        json!({"userId": user_id, "from": "guest", "to": "admin"})
    );
    assert_eq!(
        payload(&UserEvent::UserDisabled(UserDisabled { user_id })),
        json!({"userId": user_id})
    );
}
