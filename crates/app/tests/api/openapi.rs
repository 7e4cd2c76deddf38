//! The API contract: OpenAPI 3.1, served, printed, committed, complete.

use sqlx::PgPool;

use crate::helpers::{TestApp, json, settings};

fn generated() -> serde_json::Value {
    let platform =
        sejour::platform::Platform::offline(settings(|f| f)).unwrap_or_else(|e| panic!("{e}"));
    serde_json::to_value(platform.openapi()).unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn the_committed_openapi_json_matches_the_code() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../openapi.json");
    let generated = generated();
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        let text = serde_json::to_string_pretty(&generated).unwrap_or_default();
        std::fs::write(&path, text + "\n").unwrap_or_else(|e| panic!("{e}"));
    }
    let committed: serde_json::Value = std::fs::read_to_string(&path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(serde_json::Value::Null);
    assert!(
        committed == generated,
        "openapi.json is out of date: run `UPDATE_OPENAPI=1 cargo test -p sejour --test api openapi` \
         (or `cargo run -p sejour -- openapi > openapi.json`) and review the diff"
    );
}

#[tokio::test]
async fn the_document_is_openapi_3_1_with_problem_responses_and_security() {
    let doc = generated();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["components"]["schemas"]["Problem"].is_object());
    assert_eq!(
        doc["components"]["securitySchemes"]["bearerAuth"]["scheme"],
        "bearer"
    );
    let paths = doc["paths"].as_object().cloned().unwrap_or_default();
    for path in [
        "/health/live",
        "/health/ready",
        "/metrics",
        "/api/v1/admin/audit",
        "/api/v1/admin/dead-letters",
        "/api/v1/admin/dead-letters/{id}",
        "/api/v1/admin/dead-letters/{id}/replay",
    ] {
        assert!(paths.contains_key(path), "{path} is documented");
    }
    // Every operation says what it answers, and every admin one how to authenticate.
    for (path, item) in &paths {
        for (method, op) in item.as_object().into_iter().flatten() {
            assert!(
                op["responses"].as_object().is_some_and(|r| !r.is_empty()),
                "{method} {path}"
            );
            assert!(op["operationId"].is_string(), "{method} {path}");
            if path.starts_with("/api/v1/admin") {
                assert!(op["security"].is_array(), "{method} {path} has security");
                assert!(
                    op["responses"]["401"].is_object(),
                    "{method} {path} documents 401"
                );
            }
        }
    }
}

#[sqlx::test(migrations = false)]
async fn the_served_document_is_the_generated_one(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let served = json(app.get("/api/v1/openapi.json").await, 200).await;
    assert_eq!(served, generated());
}
