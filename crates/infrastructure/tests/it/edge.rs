//! The HTTP edge: every error is a problem document, request ids travel, headers are set.

use std::time::Duration;

use axum::{
    Router,
    body::{Body, to_bytes},
    http::{Request, StatusCode, header},
    response::Response,
    routing::{get, post},
};
use sejour_infrastructure::http::{
    Json, Path, Query,
    edge::{EdgeOptions, wrap},
    problem::for_status,
};
use serde::Deserialize;
use tower::ServiceExt;

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Guest {
    name: String,
    address: Address,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Address {
    city: String,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Paging {
    limit: u32,
}

fn app() -> Router {
    let routes = Router::new()
        .route(
            "/guests",
            post(|Json(g): Json<Guest>| async move { Json(g.name) }),
        )
        .route(
            "/guests/{id}",
            get(|Path(id): Path<uuid::Uuid>| async move { id.to_string() }),
        )
        .route(
            "/list",
            get(|Query(p): Query<Paging>| async move { p.limit.to_string() }),
        )
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                "late"
            }),
        )
        .route(
            "/panic",
            get(|| async {
                let v: Vec<u8> = Vec::new();
                #[allow(clippy::indexing_slicing)]
                v[1].to_string()
            }),
        )
        .fallback(|| async { for_status(StatusCode::NOT_FOUND) });
    wrap(
        routes,
        &EdgeOptions {
            timeout: Duration::from_millis(200),
            body_limit: 2048,
            upload_limit: 0,
            cors_origins: vec!["https://app.example.com".into()],
            trusted_proxies: Default::default(),
        },
    )
}

async fn send(request: Request<Body>) -> (Response<()>, serde_json::Value) {
    let response = app().oneshot(request).await.unwrap_or_else(|e| match e {});
    let (parts, body) = response.into_parts();
    let bytes = to_bytes(body, 1 << 20).await.unwrap_or_default();
    let json = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
    (Response::from_parts(parts, ()), json)
}

fn post_json(body: &str) -> Request<Body> {
    Request::post("/guests")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn assert_problem(
    response: &Response<()>,
    body: &serde_json::Value,
    status: StatusCode,
    code: &str,
) {
    assert_eq!(response.status(), status, "{body}");
    assert_eq!(
        response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        Some("application/problem+json")
    );
    assert_eq!(body["status"], status.as_u16());
    assert_eq!(body["code"], code, "{body}");
    assert_eq!(body["type"], format!("urn:sejour:problem:{code}"));
    assert!(body["title"].is_string() && body["detail"].is_string());
}

#[tokio::test]
async fn a_valid_body_is_accepted() {
    let (response, body) = send(post_json(r#"{"name":"Ana","address":{"city":"Nice"}}"#)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body, "Ana");
}

#[tokio::test]
async fn malformed_json_is_a_400_problem() {
    let (response, body) = send(post_json(r#"{"name": "Ana""#)).await;
    assert_problem(
        &response,
        &body,
        StatusCode::BAD_REQUEST,
        "request.malformed_json",
    );
}

#[tokio::test]
async fn a_body_of_the_wrong_shape_is_a_422_naming_the_field() {
    let (response, body) = send(post_json(r#"{"name":"Ana","address":{"city":7}}"#)).await;
    assert_problem(
        &response,
        &body,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation.failed",
    );
    assert_eq!(body["errors"][0]["field"], "address.city");
}

#[tokio::test]
async fn a_wrong_content_type_is_a_415_problem() {
    let request = Request::post("/guests")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("hello"))
        .unwrap_or_else(|e| panic!("{e}"));
    let (response, body) = send(request).await;
    assert_problem(
        &response,
        &body,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "request.unsupported_media_type",
    );
}

#[tokio::test]
async fn an_oversized_body_is_a_413_problem() {
    let big = format!(
        r#"{{"name":"{}","address":{{"city":"x"}}}}"#,
        "a".repeat(10_000)
    );
    let (response, body) = send(post_json(&big)).await;
    assert_problem(
        &response,
        &body,
        StatusCode::PAYLOAD_TOO_LARGE,
        "request.body_too_large",
    );
}

#[tokio::test]
async fn an_unknown_route_and_a_wrong_method_are_problems() {
    let (response, body) = send(
        Request::get("/nowhere")
            .body(Body::empty())
            .unwrap_or_else(|e| panic!("{e}")),
    )
    .await;
    assert_problem(&response, &body, StatusCode::NOT_FOUND, "route.not_found");
    let (response, body) = send(
        Request::delete("/guests")
            .body(Body::empty())
            .unwrap_or_else(|e| panic!("{e}")),
    )
    .await;
    assert_problem(
        &response,
        &body,
        StatusCode::METHOD_NOT_ALLOWED,
        "request.method_not_allowed",
    );
}

#[tokio::test]
async fn bad_path_and_query_parameters_are_400_problems() {
    let (response, body) = send(
        Request::get("/guests/not-a-uuid")
            .body(Body::empty())
            .unwrap_or_else(|e| panic!("{e}")),
    )
    .await;
    assert_problem(
        &response,
        &body,
        StatusCode::BAD_REQUEST,
        "request.invalid_path",
    );
    let (response, body) = send(
        Request::get("/list?limit=many")
            .body(Body::empty())
            .unwrap_or_else(|e| panic!("{e}")),
    )
    .await;
    assert_problem(
        &response,
        &body,
        StatusCode::BAD_REQUEST,
        "request.invalid_query",
    );
}

#[tokio::test]
async fn a_slow_request_times_out_as_a_problem() {
    let (response, body) = send(
        Request::get("/slow")
            .body(Body::empty())
            .unwrap_or_else(|e| panic!("{e}")),
    )
    .await;
    assert_problem(
        &response,
        &body,
        StatusCode::REQUEST_TIMEOUT,
        "request.timeout",
    );
}

#[tokio::test]
async fn a_panicking_handler_is_a_500_problem_without_details() {
    let (response, body) = send(
        Request::get("/panic")
            .body(Body::empty())
            .unwrap_or_else(|e| panic!("{e}")),
    )
    .await;
    assert_problem(
        &response,
        &body,
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
    );
    assert!(!body.to_string().contains("index out of bounds"));
}

#[tokio::test]
async fn a_request_id_is_echoed_or_generated() {
    let request = Request::get("/nowhere")
        .header("x-request-id", "abc-123")
        .body(Body::empty())
        .unwrap_or_else(|e| panic!("{e}"));
    let (response, _) = send(request).await;
    assert_eq!(
        response
            .headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok()),
        Some("abc-123")
    );

    let (response, _) = send(
        Request::get("/nowhere")
            .body(Body::empty())
            .unwrap_or_else(|e| panic!("{e}")),
    )
    .await;
    let generated = response
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(uuid::Uuid::parse_str(generated).is_ok(), "{generated}");

    let request = Request::get("/nowhere")
        .header("x-request-id", "x".repeat(500))
        .body(Body::empty())
        .unwrap_or_else(|e| panic!("{e}"));
    let (response, _) = send(request).await;
    let replaced = response
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(
        uuid::Uuid::parse_str(replaced).is_ok(),
        "an absurd id is replaced"
    );
}

#[tokio::test]
async fn security_and_cors_headers_are_set() {
    let request = Request::get("/list?limit=1")
        .header(header::ORIGIN, "https://app.example.com")
        .body(Body::empty())
        .unwrap_or_else(|e| panic!("{e}"));
    let (response, _) = send(request).await;
    let h = response.headers();
    assert_eq!(
        h.get(header::X_CONTENT_TYPE_OPTIONS)
            .and_then(|v| v.to_str().ok()),
        Some("nosniff")
    );
    assert_eq!(
        h.get(header::X_FRAME_OPTIONS).and_then(|v| v.to_str().ok()),
        Some("DENY")
    );
    assert!(h.get(header::CONTENT_SECURITY_POLICY).is_some());
    assert_eq!(
        h.get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .and_then(|v| v.to_str().ok()),
        Some("https://app.example.com")
    );
    let request = Request::get("/list?limit=1")
        .header(header::ORIGIN, "https://evil.example.com")
        .body(Body::empty())
        .unwrap_or_else(|e| panic!("{e}"));
    let (response, _) = send(request).await;
    assert!(
        response
            .headers()
            .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .is_none()
    );
}
