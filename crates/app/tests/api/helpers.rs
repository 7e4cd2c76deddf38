//! `TestApp`: the real platform (router, worker) on a fresh database.

use std::{net::SocketAddr, sync::Arc, time::Duration};

use figment::Figment;
use sejour::platform::Platform;
use sejour_core::Role;
use sejour_core::ports::ManualClock;
use sejour_infrastructure::config::Settings;
use sqlx::PgPool;
use tokio_util::sync::CancellationToken;

/// A password every test account uses.
pub const PASSWORD: &str = "correct horse battery staple";

/// A signed-in test user.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub id: uuid::Uuid,
    pub email: String,
    pub access_token: String,
    pub refresh_token: String,
}

/// A running platform: HTTP on a random port, and optionally a worker.
pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub pool: PgPool,
    pub platform: Platform,
    pub clock: Arc<ManualClock>,
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
        .merge(("jwt_secret", "test-jwt-secret-0123456789abcdef-0123456789"))
        .merge(("data_dir", dir.display().to_string()))
        // The calendar-feed tests serve their feeds on 127.0.0.1.
        .merge(("ical_allow_private_hosts", true));
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
        let platform = Platform::assemble(settings(extra), pool.clone(), None, clock.clone())
            .unwrap_or_else(|e| panic!("{e}"));
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
            clock,
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

    pub async fn get_as(&self, user: &TestUser, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .bearer_auth(&user.access_token)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn delete_as(&self, user: &TestUser, path: &str) -> reqwest::Response {
        self.client
            .delete(self.url(path))
            .bearer_auth(&user.access_token)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn post(&self, path: &str, body: serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(&body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn post_as(
        &self,
        user: &TestUser,
        path: &str,
        body: serde_json::Value,
    ) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .bearer_auth(&user.access_token)
            .json(&body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn patch_as(
        &self,
        user: &TestUser,
        path: &str,
        body: serde_json::Value,
    ) -> reqwest::Response {
        self.client
            .patch(self.url(path))
            .bearer_auth(&user.access_token)
            .json(&body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Signs in over HTTP.
    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.post(
            "/api/v1/auth/login",
            serde_json::json!({"email": email, "password": password}),
        )
        .await
    }

    /// Signs `email` in and returns the user with their tokens.
    pub async fn signed_in(&self, id: uuid::Uuid, email: &str) -> TestUser {
        let tokens = json(self.login(email, PASSWORD).await, 200).await;
        TestUser {
            id,
            email: email.to_owned(),
            access_token: tokens["accessToken"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            refresh_token: tokens["refreshToken"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        }
    }

    /// A new account of `role`, signed in: guests register over HTTP, admins are created
    /// as `sejour admin create` does, other roles by an admin over HTTP.
    pub async fn user(&self, role: Role) -> TestUser {
        let email = format!(
            "{}-{}@example.com",
            role.as_str(),
            uuid::Uuid::now_v7().simple()
        );
        match role {
            Role::Guest => {
                let body = serde_json::json!({
                    "email": email, "password": PASSWORD, "firstName": "Ana", "lastName": "Guest"
                });
                let created = json(self.post("/api/v1/auth/register", body).await, 201).await;
                let id = created["id"]
                    .as_str()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or_default();
                self.signed_in(id, &email).await
            }
            Role::Admin => {
                let ctx = sejour_core::Ctx::system("test", "test".into());
                let admin = sejour_auth::application::commands::create_admin::create_admin(
                    &self.platform.auth,
                    &ctx,
                    &email,
                    PASSWORD,
                )
                .await
                .unwrap_or_else(|e| panic!("{e}"));
                self.signed_in(admin.id, &email).await
            }
            Role::Manager | Role::Owner => {
                let admin = Box::pin(self.user(Role::Admin)).await;
                let body = serde_json::json!({
                    "email": email, "password": PASSWORD, "firstName": "Staff", "lastName": "Member",
                    "role": role.as_str()
                });
                let created = json(self.post_as(&admin, "/api/v1/users", body).await, 201).await;
                let id = created["id"]
                    .as_str()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or_default();
                self.signed_in(id, &email).await
            }
        }
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
