//! A smoke test of the HTTP edge through the real router, nested under `/api/v1`
//! as the app does; a stand-in for the auth middleware sets the actor from a header.

use axum::{
    Router,
    body::{Body, to_bytes},
    extract::Request,
    http::{HeaderMap, Method, StatusCode, header},
    middleware::{self, Next},
    response::Response,
};
use sejour_users::presentation::{UsersState, routes};
use tower::ServiceExt;

use crate::support::*;

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
    let (router, _api) = routes()
        .with_state(UsersState::new(env.app.clone()))
        .split_for_parts();
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

#[sqlx::test(migrations = false)]
async fn the_routes_speak_json_etags_and_problems(pool: PgPool) -> TestResult {
    let env = env(pool).await?;
    let admin = env
        .create_ok("admin@example.com", "Root", "Admin", Role::Admin)
        .await;
    let guest = env
        .create_ok("guest@example.com", "Gus", "Guest", Role::Guest)
        .await;
    let app = app(&env);
    use Method as M;

    // Anonymous: 401 problem.
    let (status, headers, body) = call(&app, M::GET, "/api/v1/users/me", None, &[], None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
    assert_eq!(body["code"], "auth.unauthenticated");

    // GET me: camelCase with an ETag.
    let (status, headers, body) =
        call(&app, M::GET, "/api/v1/users/me", Some(&guest), &[], None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::ETAG], "\"1\"");
    assert_eq!(body["firstName"], "Gus");
    assert_eq!(body["phone"], Value::Null);
    assert_eq!(body["language"], "fr");
    assert_eq!(body["role"], "guest");
    assert_eq!(body["version"], 1);
    assert!(body["createdAt"].is_string());

    // PATCH me with If-Match: set the phone, then clear it with null.
    let patch = |if_match: &'static str, body: Value| {
        let app = app.clone();
        let guest = guest.clone();
        async move {
            call(
                &app,
                M::PATCH,
                "/api/v1/users/me",
                Some(&guest),
                &[("if-match", if_match)],
                Some(body),
            )
            .await
        }
    };
    let (status, headers, body) = patch(
        "\"1\"",
        json!({"phone": "06 12 34 56 78", "language": "en"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(headers[header::ETAG], "\"2\"");
    assert_eq!(
        (body["phone"].as_str(), body["language"].as_str()),
        (Some("+33612345678"), Some("en"))
    );
    let (status, _, body) = patch("\"1\"", json!({"firstName": "Late"})).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(body["code"], "user.version_mismatch");
    let (status, _, body) = patch("*", json!({"phone": null})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (
            body["phone"].clone(),
            body["firstName"].clone(),
            body["version"].clone()
        ),
        (Value::Null, json!("Gus"), json!(3))
    );
    let (status, _, body) = patch("*", json!({"phone": "12", "lastName": ""})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "lastName");
    assert_eq!(body["errors"][1]["field"], "phone");
    let (status, _, body) = patch("nope", json!({})).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("request.invalid_if_match"))
    );

    // POST /users: 201 with Location; a guest may not.
    let new = json!({"email": "new@example.com", "password": "long enough", "firstName": "N", "lastName": "U", "role": "owner"});
    let (status, _, _) = call(
        &app,
        M::POST,
        "/api/v1/users",
        Some(&guest),
        &[],
        Some(new.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, headers, body) = call(
        &app,
        M::POST,
        "/api/v1/users",
        Some(&admin),
        &[],
        Some(new.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_str().unwrap().to_owned();
    assert_eq!(
        headers[header::LOCATION],
        format!("/api/v1/users/{id}").as_str()
    );
    assert_eq!(headers[header::ETAG], "\"1\"");
    let (status, _, body) =
        call(&app, M::POST, "/api/v1/users", Some(&admin), &[], Some(new)).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("user.email_taken"))
    );

    // GET /users/{id}: a guest sees only themself; a bad id is 400.
    let other = format!("/api/v1/users/{id}");
    let (status, _, _) = call(&app, M::GET, &other, Some(&guest), &[], None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, headers, _) = call(&app, M::GET, &other, Some(&admin), &[], None).await;
    assert_eq!(
        (status, &headers[header::ETAG]),
        (StatusCode::OK, &"\"1\"".parse::<axum::http::HeaderValue>()?)
    );
    let (status, _, _) = call(
        &app,
        M::GET,
        "/api/v1/users/not-a-uuid",
        Some(&admin),
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // PATCH /users/{id}: admins; not themselves.
    let (status, headers, body) = call(
        &app,
        M::PATCH,
        &other,
        Some(&admin),
        &[("if-match", "\"1\"")],
        Some(json!({"role": "manager", "disabled": true})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        (body["role"].as_str(), body["disabled"].as_bool()),
        (Some("manager"), Some(true))
    );
    assert_eq!(headers[header::ETAG], "\"2\"");
    let mine = format!("/api/v1/users/{}", admin.id);
    let (status, _, body) = call(
        &app,
        M::PATCH,
        &mine,
        Some(&admin),
        &[],
        Some(json!({"disabled": true})),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("user.cannot_disable_self")
        )
    );

    // GET /users: pages with an opaque cursor; guests are refused.
    let (status, _, page) = call(
        &app,
        M::GET,
        "/api/v1/users?limit=2",
        Some(&admin),
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(page["items"][0]["email"], "new@example.com");
    let cursor = page["nextCursor"].as_str().unwrap().to_owned();
    let (_, _, rest) = call(
        &app,
        M::GET,
        &format!("/api/v1/users?limit=2&cursor={cursor}"),
        Some(&admin),
        &[],
        None,
    )
    .await;
    assert_eq!(rest["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(rest["nextCursor"], Value::Null);
    let (_, _, filtered) = call(
        &app,
        M::GET,
        "/api/v1/users?role=manager&disabled=true&q=NEW",
        Some(&admin),
        &[],
        None,
    )
    .await;
    assert_eq!(filtered["items"].as_array().map(Vec::len), Some(1));
    let (status, _, _) = call(
        &app,
        M::GET,
        "/api/v1/users?role=root",
        Some(&admin),
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = call(
        &app,
        M::GET,
        "/api/v1/users?cursor=garbage",
        Some(&admin),
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = call(&app, M::GET, "/api/v1/users", Some(&guest), &[], None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    Ok(())
}

#[test]
fn every_route_is_documented_with_bearer_security_under_the_users_tag() {
    let (_, api) = routes().split_for_parts();
    let doc = serde_json::to_value(&api).unwrap();
    let expected = [
        ("/users/me", "get"),
        ("/users/me", "patch"),
        ("/users", "get"),
        ("/users", "post"),
        ("/users/{id}", "get"),
        ("/users/{id}", "patch"),
    ];
    for (path, method) in expected {
        let op = &doc["paths"][path][method];
        assert_eq!(op["tags"], json!(["users"]), "{method} {path}");
        assert_eq!(
            op["security"],
            json!([{"bearerAuth": []}]),
            "{method} {path}"
        );
        assert_eq!(
            op["responses"]["401"]["content"]["application/problem+json"]["schema"]["$ref"],
            "#/components/schemas/Problem",
            "{method} {path}"
        );
    }
    assert_eq!(doc["paths"].as_object().map(|p| p.len()), Some(3));
    let user = &doc["components"]["schemas"]["UserDto"]["properties"];
    for field in [
        "id",
        "email",
        "firstName",
        "lastName",
        "phone",
        "language",
        "role",
        "disabled",
        "createdAt",
        "updatedAt",
        "version",
    ] {
        assert!(user.get(field).is_some(), "UserDto.{field}");
    }
    assert_eq!(
        doc["paths"]["/users/{id}"]["patch"]["responses"]["412"]["description"]
            .as_str()
            .map(|d| d.contains("version_mismatch")),
        Some(true)
    );
}
