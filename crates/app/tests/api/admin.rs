//! The administration API: admins only, dead letters, audit log.

use sqlx::PgPool;

use sejour_core::Role;

use crate::helpers::{TestApp, TestUser, json};

/// A dead delivery for the audit consumer, as a consumer that gave up would leave it.
async fn dead_letter(app: &TestApp) -> i64 {
    let message = uuid::Uuid::now_v7();
    sqlx::query(
        "INSERT INTO queue.messages (id, kind, type, aggregate_type, aggregate_id, payload, occurred_at) \
         VALUES ($1, 'event', 'test.SomethingHappened', 'thing', '7', '{\"n\": 1}', now())",
    )
    .bind(message)
    .execute(&app.pool)
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    sqlx::query_scalar(
        "UPDATE queue.deliveries SET status = 'dead', attempts = 8, last_error = 'boom' \
         WHERE consumer = 'administration.audit' AND message_id = $1 RETURNING id",
    )
    .bind(message)
    .fetch_one(&app.pool)
    .await
    .unwrap_or_else(|e| panic!("{e}"))
}

#[sqlx::test(migrations = false)]
async fn the_admin_api_requires_a_signed_in_admin(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let body = json(app.get("/api/v1/admin/dead-letters").await, 401).await;
    assert_eq!(body["code"], "auth.unauthenticated");
    let response = app
        .client
        .get(app.url("/api/v1/admin/audit"))
        .bearer_auth("not-a-token")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json(response, 401).await["code"], "auth.invalid_token");
    let guest = app.user(Role::Guest).await;
    assert_eq!(
        json(app.get_as(&guest, "/api/v1/admin/audit").await, 403).await["code"],
        "auth.forbidden"
    );
    let manager = app.user(Role::Manager).await;
    json(app.get_as(&manager, "/api/v1/admin/audit").await, 403).await;
    let admin = app.user(Role::Admin).await;
    json(app.get_as(&admin, "/api/v1/admin/audit").await, 200).await;
}

#[sqlx::test(migrations = false)]
async fn a_dead_letter_is_listed_replayed_delivered_and_the_replay_audited(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let admin = app.user(Role::Admin).await;
    let id = dead_letter(&app).await;

    let page = json(app.get_as(&admin, "/api/v1/admin/dead-letters").await, 200).await;
    assert_eq!(page["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["items"][0]["id"], id);
    assert_eq!(page["items"][0]["consumer"], "administration.audit");
    assert_eq!(page["items"][0]["lastError"], "boom");
    assert_eq!(page["items"][0]["messageType"], "test.SomethingHappened");
    assert!(page["nextCursor"].is_null());
    let one = json(
        app.get_as(&admin, &format!("/api/v1/admin/dead-letters/{id}"))
            .await,
        200,
    )
    .await;
    assert_eq!(one["attempts"], 8);

    let replayed = json(
        post(
            &app,
            &admin,
            &format!("/api/v1/admin/dead-letters/{id}/replay"),
        )
        .await,
        202,
    )
    .await;
    assert_eq!(replayed["status"], "pending");
    // Replaying again: it is no longer a dead letter.
    let again = json(
        post(
            &app,
            &admin,
            &format!("/api/v1/admin/dead-letters/{id}/replay"),
        )
        .await,
        404,
    )
    .await;
    assert_eq!(again["code"], "dead_letter.not_found");

    app.start_worker();
    app.wait_for(
        &format!("SELECT count(*) FROM queue.deliveries WHERE id = {id} AND status = 'done'"),
        1,
    )
    .await;
    // The replayed event reached the audit trail, and the replay itself was audited.
    let audited = json(
        app.get_as(&admin, "/api/v1/admin/audit?action=test.SomethingHappened")
            .await,
        200,
    )
    .await;
    assert_eq!(audited["items"].as_array().map(Vec::len), Some(1));
    let replay = json(
        app.get_as(
            &admin,
            "/api/v1/admin/audit?action=admin.dead_letter_replayed",
        )
        .await,
        200,
    )
    .await;
    assert_eq!(replay["items"][0]["targetId"], id.to_string());
    assert_eq!(replay["items"][0]["actor"], format!("user:{}", admin.id));
    assert_eq!(replay["items"][0]["actorRole"], "admin");
    assert!(replay["items"][0]["requestId"].is_string());
}

#[sqlx::test(migrations = false)]
async fn bad_admin_parameters_are_problems(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let admin = app.user(Role::Admin).await;
    json(
        app.get_as(&admin, "/api/v1/admin/dead-letters/abc").await,
        400,
    )
    .await;
    json(
        app.get_as(&admin, "/api/v1/admin/dead-letters/999").await,
        404,
    )
    .await;
    json(
        app.get_as(&admin, "/api/v1/admin/dead-letters?limit=1000")
            .await,
        400,
    )
    .await;
    json(
        app.get_as(&admin, "/api/v1/admin/dead-letters?cursor=garbage")
            .await,
        400,
    )
    .await;
    json(
        app.get_as(&admin, "/api/v1/admin/audit?from=yesterday")
            .await,
        400,
    )
    .await;
}

#[sqlx::test(migrations = false)]
async fn the_audit_log_pages_with_a_cursor(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let admin = app.user(Role::Admin).await;
    for _ in 0..3 {
        dead_letter(&app).await;
    }
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM queue.deliveries WHERE status = 'dead'")
        .fetch_all(&app.pool)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    for id in &ids {
        json(
            post(
                &app,
                &admin,
                &format!("/api/v1/admin/dead-letters/{id}/replay"),
            )
            .await,
            202,
        )
        .await;
    }
    let first = json(
        app.get_as(
            &admin,
            "/api/v1/admin/audit?action=admin.dead_letter_replayed&limit=2",
        )
        .await,
        200,
    )
    .await;
    assert_eq!(first["items"].as_array().map(Vec::len), Some(2));
    let cursor = first["nextCursor"]
        .as_str()
        .unwrap_or_else(|| panic!("a next page: {first}"));
    let second = json(
        app.get_as(
            &admin,
            &format!(
                "/api/v1/admin/audit?action=admin.dead_letter_replayed&limit=2&cursor={cursor}"
            ),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(second["items"].as_array().map(Vec::len), Some(1));
    assert!(second["nextCursor"].is_null());
    // Newest first, no overlap.
    let seqs: Vec<i64> = first["items"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(second["items"].as_array().into_iter().flatten())
        .filter_map(|i| i["seq"].as_i64())
        .collect();
    assert_eq!(seqs.len(), 3);
    assert!(seqs.windows(2).all(|w| w[0] > w[1]), "{seqs:?}");
}

async fn post(app: &TestApp, user: &TestUser, path: &str) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .bearer_auth(&user.access_token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}
