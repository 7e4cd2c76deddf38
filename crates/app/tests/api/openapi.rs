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

/// Every schema a client reads or writes is typed: no bare `object` without properties.
fn untyped_objects(value: &serde_json::Value, path: &str, found: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            let is_object = map.get("type").is_some_and(|t| {
                t == "object"
                    || t.as_array()
                        .is_some_and(|a| a.iter().any(|t| t == "object"))
            });
            if is_object
                && !map.contains_key("properties")
                && !map.contains_key("additionalProperties")
            {
                found.push(path.to_owned());
            }
            for (k, v) in map {
                untyped_objects(v, &format!("{path}/{k}"), found);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                untyped_objects(v, &format!("{path}/{i}"), found);
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn the_contract_is_typed_with_unique_camel_case_ids_declared_tags_and_links() {
    let doc = generated();
    let mut untyped = Vec::new();
    untyped_objects(&doc, "", &mut untyped);
    assert!(untyped.is_empty(), "untyped objects: {untyped:?}");

    let tags: Vec<&str> = doc["tags"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| t["name"].as_str())
        .collect();
    let mut ids = std::collections::BTreeSet::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            let id = op["operationId"].as_str().unwrap_or_default();
            assert!(
                id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                    && id.chars().all(|c| c.is_ascii_alphanumeric()),
                "{method} {path}: operationId `{id}` is camelCase"
            );
            assert!(ids.insert(id.to_owned()), "{id} is unique");
            for tag in op["tags"].as_array().into_iter().flatten() {
                assert!(
                    tag.as_str().is_some_and(|t| tags.contains(&t)),
                    "{method} {path}: tag {tag} is declared"
                );
            }
            if path.starts_with("/api/") {
                assert!(op["responses"]["401"].is_object(), "{method} {path} 401");
            }
            if op["requestBody"].is_object() {
                for status in ["400", "413", "415", "422"] {
                    assert_eq!(
                        op["responses"][status]["content"]["application/problem+json"]["schema"]["$ref"],
                        "#/components/schemas/Problem",
                        "{method} {path} documents {status}"
                    );
                }
            }
        }
    }
    // Stateful testing follows the new id from each create to the operations using it.
    for (path, target) in [
        ("/api/v1/reservations", "getReservation"),
        ("/api/v1/properties", "getProperty"),
        ("/api/v1/owners", "getOwner"),
        ("/api/v1/users", "getUser"),
    ] {
        assert_eq!(
            doc["paths"][path]["post"]["responses"]["201"]["links"][target]["parameters"]["id"],
            "$response.body#/id",
            "{path} links to {target}"
        );
    }
    // The quote, the booking page's core, is a typed schema.
    assert_eq!(
        doc["paths"]["/api/v1/properties/{id}/quote"]["get"]["responses"]["200"]["content"]["application/json"]
            ["schema"]["$ref"],
        "#/components/schemas/QuoteDto"
    );
}
