//! The HTTP edge through the real router, nested under `/api/v1` as the app does; a
//! stand-in for the auth middleware sets the actor from a header.

use axum::{
    Router,
    body::{Body, to_bytes},
    extract::Request,
    http::{HeaderMap, Method, StatusCode, header},
    middleware::{self, Next},
    response::Response,
};
use sejour_owners::presentation::routes;
use tower::ServiceExt;

use super::*;

/// `x-test-actor: <uuid>:<role>` becomes the request's actor.
async fn test_actor(mut request: Request, next: Next) -> Response {
    let actor = request
        .headers()
        .get("x-test-actor")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(':'))
        .and_then(|(id, role)| Some((id.parse().ok()?, Role::parse(role)?)));
    if let Some((id, role)) = actor {
        request.extensions_mut().insert(Actor::User { id, role });
    }
    next.run(request).await
}

fn app(env: &Env) -> Router {
    let (router, _api) = routes().with_state(env.owners.clone()).split_for_parts();
    Router::new()
        .nest("/api/v1", router)
        .layer(middleware::from_fn(test_actor))
}

async fn call(
    app: &Router,
    method: Method,
    uri: &str,
    actor: Option<&UserAccount>,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> (StatusCode, HeaderMap, Value) {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(actor) = actor {
        request = request.header("x-test-actor", format!("{}:{}", actor.id, actor.role));
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = match body {
        Some(body) => request
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string())),
        None => request.body(Body::empty()),
    }
    .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = to_bytes(body, 1 << 20).await.unwrap();
    let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (parts.status, parts.headers, json)
}

fn new_person(first: &str) -> Value {
    json!({
        "kind": "person",
        "firstName": first,
        "lastName": "Lovelace",
        "email": format!("{}@example.com", first.to_lowercase()),
        "phone": "06 12 34 56 78",
        "address": {"line1": "12 rue de Rivoli", "postalCode": "75004", "city": "Paris", "country": "fr"},
        "iban": "FR76 3000 6000 0112 3456 7890 189",
        "mandate": {"commissionBasisPoints": 2000, "startDate": "2026-01-01", "moneyModel": "mandate"}
    })
}

#[sqlx::test(migrations = false)]
async fn the_routes_speak_json_etags_masked_ibans_and_problems(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    let admin = env.users.add(Role::Admin);
    let manager = env.users.add(Role::Manager);
    let guest = env.users.add(Role::Guest);
    let account = env.users.add(Role::Owner);
    let app = app(&env);
    use Method as M;

    // The checks: an invalid IBAN or SIRET is a 422 naming the field.
    let mut bad_iban = new_person("Ada");
    bad_iban["iban"] = json!("FR1420041010050500013M02607");
    let (status, headers, body) = call(
        &app,
        M::POST,
        "/api/v1/owners",
        Some(&manager),
        &[],
        Some(bad_iban),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
    assert_eq!(body["code"], "validation.failed");
    assert_eq!(body["errors"][0]["field"], "iban");
    assert_eq!(body["errors"][0]["code"], "iban.invalid_checksum");
    let bad_siret = json!({
        "kind": "company", "legalName": "SCI X", "siret": "73282932000075",
        "email": "x@example.com",
        "address": {"line1": "1 rue X", "postalCode": "75001", "city": "Paris", "country": "FR"},
        "mandate": {"commissionBasisPoints": 2000, "startDate": "2026-01-01", "moneyModel": "service"}
    });
    let (status, _, body) = call(
        &app,
        M::POST,
        "/api/v1/owners",
        Some(&manager),
        &[],
        Some(bad_siret),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "siret");
    // A malformed date is a 422 naming its path; an unknown kind too.
    let mut bad_date = new_person("Ada");
    bad_date["mandate"]["startDate"] = json!("01/01/2026");
    let (status, _, body) = call(
        &app,
        M::POST,
        "/api/v1/owners",
        Some(&manager),
        &[],
        Some(bad_date),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "mandate.startDate");

    // POST: 201 with Location and ETag; a guest or an owner may not.
    for who in [&guest, &account] {
        let (status, _, _) = call(
            &app,
            M::POST,
            "/api/v1/owners",
            Some(who),
            &[],
            Some(new_person("Ada")),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, headers, body) = call(
        &app,
        M::POST,
        "/api/v1/owners",
        Some(&manager),
        &[],
        Some(new_person("Ada")),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let ada = body["id"].as_str().unwrap().to_owned();
    assert_eq!(
        headers[header::LOCATION],
        format!("/api/v1/owners/{ada}").as_str()
    );
    assert_eq!(headers[header::ETAG], "\"1\"");
    assert_eq!(body["kind"], "person");
    assert_eq!(body["displayName"], "Ada Lovelace");
    assert_eq!(body["legalName"], Value::Null);
    assert_eq!(body["phone"], "+33612345678");
    assert_eq!(body["address"]["country"], "FR");
    assert_eq!(
        body["mandate"],
        json!({"commissionBasisPoints": 2000, "startDate": "2026-01-01", "moneyModel": "mandate"})
    );
    assert_eq!(body["iban"], IBAN_MASKED, "managers see it masked");
    assert_eq!(body["userId"], Value::Null);
    env.clock.advance(Duration::seconds(1));
    let (_, _, body) = call(
        &app,
        M::POST,
        "/api/v1/owners",
        Some(&admin),
        &[],
        Some(new_person("Bob")),
    )
    .await;
    let bob = body["id"].as_str().unwrap().to_owned();
    assert_eq!(body["iban"], IBAN, "administrators see it whole");

    // GET: full IBAN for admins only.
    let ada_url = format!("/api/v1/owners/{ada}");
    let (status, headers, body) = call(&app, M::GET, &ada_url, Some(&admin), &[], None).await;
    assert_eq!(
        (status, body["iban"].as_str()),
        (StatusCode::OK, Some(IBAN))
    );
    assert_eq!(headers[header::ETAG], "\"1\"");
    let (_, _, body) = call(&app, M::GET, &ada_url, Some(&manager), &[], None).await;
    assert_eq!(body["iban"], IBAN_MASKED);

    // PATCH: link a guest's account: 422 `owner.user_not_owner_role`.
    let (status, _, body) = call(
        &app,
        M::PATCH,
        &ada_url,
        Some(&manager),
        &[("if-match", "\"1\"")],
        Some(json!({"userId": guest.id})),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("owner.user_not_owner_role")
        )
    );
    assert_eq!(body["errors"][0]["field"], "userId");
    // Link the owner account and change the mandate, with If-Match.
    let (status, headers, body) = call(
        &app,
        M::PATCH,
        &ada_url,
        Some(&manager),
        &[("if-match", "\"1\"")],
        Some(json!({"userId": account.id, "mandate": {"commissionBasisPoints": 1800}, "phone": null})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(headers[header::ETAG], "\"2\"");
    assert_eq!(body["userId"], json!(account.id));
    assert_eq!(body["mandate"]["commissionBasisPoints"], 1800);
    assert_eq!(body["phone"], Value::Null);
    let (status, _, body) = call(
        &app,
        M::PATCH,
        &ada_url,
        Some(&manager),
        &[("if-match", "\"1\"")],
        Some(json!({"email": "late@example.com"})),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (
            StatusCode::PRECONDITION_FAILED,
            Some("owner.version_mismatch")
        )
    );
    let (status, _, body) = call(
        &app,
        M::PATCH,
        &ada_url,
        Some(&manager),
        &[("if-match", "nope")],
        Some(json!({})),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("request.invalid_if_match"))
    );
    let (status, _, _) = call(
        &app,
        M::PATCH,
        &ada_url,
        Some(&account),
        &[],
        Some(json!({"email": "me@example.com"})),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The owner account: its own record (IBAN masked), another is 404, the list is
    // its own record only.
    let (status, _, body) = call(&app, M::GET, &ada_url, Some(&account), &[], None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["iban"], IBAN_MASKED);
    let bob_url = format!("/api/v1/owners/{bob}");
    let (status, _, body) = call(&app, M::GET, &bob_url, Some(&account), &[], None).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("owner.not_found"))
    );
    let (status, _, page) = call(&app, M::GET, "/api/v1/owners", Some(&account), &[], None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["items"][0]["id"], json!(ada));

    // Guests: 404 on a record, 403 on the list; anonymous: 401; bad id: 400.
    let (status, _, _) = call(&app, M::GET, &ada_url, Some(&guest), &[], None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = call(&app, M::GET, "/api/v1/owners", Some(&guest), &[], None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, headers, _) = call(&app, M::GET, "/api/v1/owners", None, &[], None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
    let (status, _, _) = call(
        &app,
        M::GET,
        "/api/v1/owners/not-a-uuid",
        Some(&admin),
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // Staff list: pages with an opaque cursor, filters; bad parameters are 400.
    let (status, _, page) = call(
        &app,
        M::GET,
        "/api/v1/owners?limit=1",
        Some(&admin),
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["items"][0]["id"], json!(bob));
    assert_eq!(page["items"][0]["iban"], IBAN);
    let cursor = page["nextCursor"].as_str().unwrap().to_owned();
    let (_, _, rest) = call(
        &app,
        M::GET,
        &format!("/api/v1/owners?limit=1&cursor={cursor}"),
        Some(&manager),
        &[],
        None,
    )
    .await;
    assert_eq!(rest["items"][0]["id"], json!(ada));
    assert_eq!(rest["items"][0]["iban"], IBAN_MASKED);
    assert_eq!(rest["nextCursor"], Value::Null);
    let (_, _, filtered) = call(
        &app,
        M::GET,
        "/api/v1/owners?kind=person&q=BOB",
        Some(&admin),
        &[],
        None,
    )
    .await;
    assert_eq!(filtered["items"].as_array().map(Vec::len), Some(1));
    for bad in ["kind=robot", "cursor=garbage", "limit=0"] {
        let (status, _, _) = call(
            &app,
            M::GET,
            &format!("/api/v1/owners?{bad}"),
            Some(&admin),
            &[],
            None,
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
    }
    Ok(())
}

#[test]
fn every_route_is_documented_with_bearer_security_under_the_owners_tag() {
    let (_, api) = routes().split_for_parts();
    let doc = serde_json::to_value(&api).unwrap();
    let expected = [
        ("/owners", "get"),
        ("/owners", "post"),
        ("/owners/{id}", "get"),
        ("/owners/{id}", "patch"),
    ];
    for (path, method) in expected {
        let op = &doc["paths"][path][method];
        assert_eq!(op["tags"], json!(["owners"]), "{method} {path}");
        assert_eq!(
            op["security"],
            json!([{"bearerAuth": []}]),
            "{method} {path}"
        );
        for status in ["401", "400"] {
            assert_eq!(
                op["responses"][status]["content"]["application/problem+json"]["schema"]["$ref"],
                "#/components/schemas/Problem",
                "{method} {path} {status}"
            );
        }
    }
    assert_eq!(doc["paths"].as_object().map(|p| p.len()), Some(2));
    let owner = &doc["components"]["schemas"]["OwnerDto"]["properties"];
    for field in [
        "id",
        "kind",
        "firstName",
        "lastName",
        "legalName",
        "siret",
        "vatNumber",
        "displayName",
        "email",
        "phone",
        "address",
        "iban",
        "mandate",
        "userId",
        "createdAt",
        "updatedAt",
        "version",
    ] {
        assert!(owner.get(field).is_some(), "OwnerDto.{field}");
    }
    let patch = &doc["paths"]["/owners/{id}"]["patch"]["responses"];
    for status in ["404", "409", "412", "422"] {
        assert!(patch.get(status).is_some(), "PATCH {status}");
    }
}
