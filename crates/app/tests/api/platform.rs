//! Health, metrics, docs and the error envelope through the real router.

use sqlx::PgPool;

use crate::helpers::{TestApp, json};

#[sqlx::test(migrations = false)]
async fn the_platform_is_live_and_ready(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let live = json(app.get("/health/live").await, 200).await;
    assert_eq!(live["status"], "ok");
    let ready = json(app.get("/health/ready").await, 200).await;
    assert_eq!(ready["checks"]["database"], "ok");
    assert_eq!(ready["checks"]["storage"], "ok");
}

#[sqlx::test(migrations = false)]
async fn readiness_reports_a_lost_data_directory_as_a_503_problem(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    std::fs::remove_dir_all(&app.platform.settings.data_dir).unwrap_or_else(|e| panic!("{e}"));
    let body = json(app.get("/health/ready").await, 503).await;
    assert_eq!(body["code"], "service.unavailable");
    assert_eq!(body["checks"]["database"], "ok");
    assert_ne!(body["checks"]["storage"], "ok");
}

#[sqlx::test(migrations = false)]
async fn readiness_checks_redis_when_configured(pool: PgPool) {
    let clock = std::sync::Arc::new(sejour_core::ports::ManualClock::new(chrono::Utc::now()));
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into());
    let redis = sejour_infrastructure::redis::RedisClient::connect(&url)
        .await
        .unwrap_or_else(|e| panic!("Redis at {url}: {e}"));
    let platform = sejour::platform::Platform::assemble(
        crate::helpers::settings(|f| f),
        pool,
        Some(redis),
        clock,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (router, _) = platform.api();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
    tokio::spawn(async move { axum::serve(listener, router).await });
    let body: serde_json::Value = reqwest::get(format!("http://{addr}/health/ready"))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(body["checks"]["redis"], "ok", "{body}");
}

#[sqlx::test(migrations = false)]
async fn unknown_routes_and_wrong_methods_are_problem_documents(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let body = json(app.get("/api/v1/nothing-here").await, 404).await;
    assert_eq!(body["code"], "route.not_found");
    let response = app
        .client
        .delete(app.url("/health/live"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let body = json(response, 405).await;
    assert_eq!(body["code"], "request.method_not_allowed");
}

#[sqlx::test(migrations = false)]
async fn a_nul_character_in_a_query_is_refused_before_it_reaches_the_database(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let body = json(app.get("/api/v1/properties?city=Ni%00ce").await, 400).await;
    assert_eq!(body["code"], "request.invalid_query");
    assert!(
        body["detail"]
            .as_str()
            .unwrap_or_default()
            .starts_with("city: "),
        "{body}"
    );
    // An unknown parameter is ignored, whatever it holds.
    json(app.get("/api/v1/properties?city=Nice&other=%00").await, 200).await;
    json(app.get("/api/v1/properties?city=Nice").await, 200).await;
}

#[sqlx::test(migrations = false)]
async fn metrics_expose_http_and_queue_figures(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.get("/health/live").await;
    let text = app.get("/metrics").await.text().await.unwrap_or_default();
    assert!(text.contains("http_requests_total"), "{text}");
    assert!(text.contains("route=\"/health/live\""), "{text}");
    assert!(
        text.contains("http_request_duration_seconds_bucket"),
        "{text}"
    );
    assert!(text.contains("sejour_queue_depth"), "{text}");
    assert!(
        text.contains("sejour_queue_oldest_pending_age_seconds"),
        "{text}"
    );
    assert!(text.contains("sejour_queue_dead_letters"), "{text}");
}

#[sqlx::test(migrations = false)]
async fn the_docs_ui_is_served_from_vendored_assets(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let page = app.get("/docs/").await;
    assert_eq!(page.status(), 200);
    let csp = page
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let html = page.text().await.unwrap_or_default();
    assert!(html.contains("swagger-ui"), "{html}");
    assert!(
        !html.contains("https://"),
        "no asset comes from the internet"
    );
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let bundle = app.get("/docs/swagger-ui-bundle.js").await;
    assert_eq!(bundle.status(), 200);
    assert!(bundle.text().await.unwrap_or_default().len() > 100_000);
    let init = app
        .get("/docs/swagger-initializer.js")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(init.contains("/api/v1/openapi.json"), "{init}");
}

#[sqlx::test(migrations = false)]
async fn every_body_refuses_fields_it_does_not_know(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let guest = app.user(sejour_core::Role::Guest).await;
    let manager = app.user(sejour_core::Role::Manager).await;
    let me = json(
        app.patch_as(
            &guest,
            "/api/v1/users/me",
            serde_json::json!({"role": "admin"}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(me["errors"][0]["code"], "request.invalid_field", "{me}");
    let owner = json(
        app.post_as(
            &manager,
            "/api/v1/owners",
            serde_json::json!({"kind": "person", "isAdmin": true}),
        )
        .await,
        422,
    )
    .await;
    assert!(
        owner["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("isAdmin"),
        "{owner}"
    );
}
