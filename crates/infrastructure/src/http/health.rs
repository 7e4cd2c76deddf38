//! `/health/live`, `/health/ready` and `/metrics`.

use std::{collections::BTreeMap, path::PathBuf, sync::Arc, time::Duration};

use axum::{
    Json, Router,
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};
use sejour_core::Clock;
use serde::Serialize;
use sqlx::PgPool;
use utoipa::ToSchema;

use crate::{queue::stats, redis::RedisClient, telemetry};

use super::problem::PROBLEM_JSON;

/// What readiness checks.
#[derive(Clone)]
pub struct HealthState {
    /// The database.
    pub pool: PgPool,
    /// Redis, when configured.
    pub redis: Option<RedisClient>,
    /// The local data directory of the embedded defaults.
    pub data_dir: PathBuf,
    /// The clock, for the queue's age gauge.
    pub clock: Arc<dyn Clock>,
}

/// The readiness report.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    /// The process's state (a dependency that fails makes `/health/ready` a 503 problem).
    pub status: HealthStatus,
    /// Each dependency's state: `ok` or what failed.
    pub checks: BTreeMap<&'static str, String>,
}

/// The state a health answer reports.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum HealthStatus {
    /// Serving.
    Ok,
}

/// Liveness: the process answers.
#[utoipa::path(get, path = "/health/live", operation_id = "live", tag = "health",
    responses((status = 200, description = "The process is alive", body = Readiness)))]
pub async fn live() -> Json<Readiness> {
    Json(Readiness {
        status: HealthStatus::Ok,
        checks: BTreeMap::new(),
    })
}

/// Readiness: PostgreSQL answers, and Redis and the data directory when in use.
#[utoipa::path(get, path = "/health/ready", operation_id = "ready", tag = "health",
    responses(
        (status = 200, description = "Ready to serve", body = Readiness),
        (status = 503, description = "A dependency is down", body = Readiness,
         content_type = "application/problem+json"),
    ))]
pub async fn ready(State(state): State<HealthState>) -> Response {
    let timeout = Duration::from_secs(2);
    let mut checks = BTreeMap::new();
    let db = tokio::time::timeout(timeout, sqlx::query("SELECT 1").execute(&state.pool)).await;
    checks.insert(
        "database",
        outcome(
            db.map_err(|_| "timed out".to_owned())
                .and_then(|r| r.map(|_| ()).map_err(|e| e.to_string())),
        ),
    );
    if let Some(redis) = &state.redis {
        let pong = tokio::time::timeout(timeout, redis.ping()).await;
        checks.insert(
            "redis",
            outcome(
                pong.map_err(|_| "timed out".to_owned())
                    .and_then(|r| r.map_err(|e| e.to_string())),
            ),
        );
    }
    let storage = tokio::fs::metadata(&state.data_dir).await;
    checks.insert(
        "storage",
        outcome(match storage {
            Ok(m) if m.is_dir() => Ok(()),
            Ok(_) => Err("SEJOUR_DATA_DIR is not a directory".to_owned()),
            Err(e) => Err(e.to_string()),
        }),
    );
    let ok = checks.values().all(|v| v == "ok");
    if ok {
        return Json(Readiness {
            status: HealthStatus::Ok,
            checks,
        })
        .into_response();
    }
    let mut response = (
        StatusCode::SERVICE_UNAVAILABLE,
        Json(serde_json::json!({
            "type": "urn:sejour:problem:service.unavailable",
            "title": "Service Unavailable",
            "status": 503,
            "detail": "A dependency is unavailable.",
            "code": "service.unavailable",
            "checks": checks,
        })),
    )
        .into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    response
}

fn outcome(result: Result<(), String>) -> String {
    match result {
        Ok(()) => "ok".to_owned(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            e
        }
    }
}

/// Prometheus metrics: HTTP, queue and process figures.
#[utoipa::path(get, path = "/metrics", operation_id = "metrics", tag = "health",
    responses((status = 200, description = "Prometheus text exposition", body = String, content_type = "text/plain")))]
pub async fn metrics(State(state): State<HealthState>) -> Response {
    if let Err(e) = stats::refresh(&state.pool, state.clock.now()).await {
        tracing::warn!(error = %e, "queue gauges could not be refreshed");
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        telemetry::render_metrics(),
    )
        .into_response()
}

/// The health and metrics routes (outside `/api/v1`).
pub fn router(state: HealthState) -> Router {
    Router::new()
        .route("/health/live", get(live))
        .route("/health/ready", get(ready))
        .route("/metrics", get(metrics))
        .with_state(state)
}
