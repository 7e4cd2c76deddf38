//! `TestApp`: the real platform (router, worker) on a fresh database.

use std::{net::SocketAddr, sync::Arc, time::Duration};

use figment::Figment;
use sejour::platform::Platform;
use sejour_core::ports::ManualClock;
use sejour_infrastructure::config::Settings;
use sqlx::PgPool;
use tokio_util::sync::CancellationToken;

/// The interim admin token the test platform accepts.
pub const ADMIN_TOKEN: &str = "test-admin-token-0123456789abcdef";

/// A running platform: HTTP on a random port, and optionally a worker.
pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub pool: PgPool,
    pub platform: Platform,
    shutdown: CancellationToken,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}

/// Settings for tests: defaults plus the admin token and a private data directory.
pub fn settings(extra: impl FnOnce(Figment) -> Figment) -> Settings {
    let dir = std::env::temp_dir().join(format!("sejour-test-{}", uuid::Uuid::now_v7()));
    let _ = std::fs::create_dir_all(&dir);
    let figment = Settings::figment(None)
        .merge(("admin_token", ADMIN_TOKEN))
        .merge(("data_dir", dir.display().to_string()));
    Settings::from_figment(extra(figment)).unwrap_or_else(|e| panic!("{e}"))
}

impl TestApp {
    /// Starts the API (migrated, subscriptions registered) on `pool`.
    pub async fn spawn(pool: PgPool) -> Self {
        Self::spawn_with(pool, |f| f).await
    }

    /// Same, with settings adjusted by `extra`.
    pub async fn spawn_with(pool: PgPool, extra: impl FnOnce(Figment) -> Figment) -> Self {
        let clock = Arc::new(ManualClock::new(chrono::Utc::now()));
        let platform = Platform::assemble(settings(extra), pool.clone(), None, clock);
        platform.migrate().await.unwrap_or_else(|e| panic!("{e}"));
        platform
            .register_subscriptions()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
        let shutdown = CancellationToken::new();
        let router = platform.router();
        let token = shutdown.clone();
        tokio::spawn(async move {
            let _ = axum::serve(
                listener,
                router.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(token.cancelled_owned())
            .await;
        });
        Self {
            base: format!("http://{addr}"),
            client: reqwest::Client::new(),
            pool,
            platform,
            shutdown,
        }
    }

    /// Starts the platform's real worker in the background until the app is dropped.
    pub fn start_worker(&self) {
        let worker = Arc::new(self.platform.worker());
        tokio::spawn(worker.run(self.shutdown.clone()));
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn admin_get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .bearer_auth(ADMIN_TOKEN)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn admin_post(&self, path: &str) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .bearer_auth(ADMIN_TOKEN)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql)
            .fetch_one(&self.pool)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Waits (bounded) until `sql` returns `expected`.
    pub async fn wait_for(&self, sql: &str, expected: i64) {
        for _ in 0..400 {
            if self.count(sql).await == expected {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("{sql} never returned {expected}");
    }
}

/// Reads a response as JSON, asserting its status.
pub async fn json(response: reqwest::Response, status: u16) -> serde_json::Value {
    let got = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body: serde_json::Value = response.json().await.unwrap_or(serde_json::Value::Null);
    assert_eq!(got, status, "{body}");
    if status >= 400 {
        assert_eq!(content_type, "application/problem+json", "{body}");
        assert!(body["code"].is_string(), "{body}");
    }
    body
}
