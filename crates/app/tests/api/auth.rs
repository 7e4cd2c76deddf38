//! Auth and users over HTTP, as a new user would try them.

use std::time::Duration;

use sejour_core::Role;
use serde_json::json as j;
use sqlx::PgPool;

use crate::helpers::{PASSWORD, TestApp, json};

#[sqlx::test(migrations = false)]
async fn register_login_me_refresh_reuse_and_logout(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let body = j!({"email": "Marie.Dupont@Example.com", "password": PASSWORD, "firstName": "Marie", "lastName": "Dupont"});
    let created = json(app.post("/api/v1/auth/register", body).await, 201).await;
    assert_eq!(created["role"], "guest");

    let login = app.login("marie.dupont@example.com", PASSWORD).await;
    assert_eq!(
        login
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let first = json(login, 200).await;
    assert_eq!(first["tokenType"], "Bearer");
    assert_eq!(first["expiresIn"], 900);
    let access = first["accessToken"].as_str().unwrap_or_default().to_owned();
    let refresh1 = first["refreshToken"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    let me = app
        .client
        .get(app.url("/api/v1/users/me"))
        .bearer_auth(&access)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let me = json(me, 200).await;
    assert_eq!(me["firstName"], "Marie");
    assert_eq!(me["role"], "guest");

    // Rotation: the first refresh token is spent, the second one works.
    let second = json(
        app.post("/api/v1/auth/refresh", j!({"refreshToken": refresh1}))
            .await,
        200,
    )
    .await;
    let refresh2 = second["refreshToken"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let access2 = second["accessToken"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_ne!(refresh2, refresh1);

    // Reuse of the spent token revokes the whole family: the newest one stops working too,
    // and so do the access tokens issued in it.
    let reused = json(
        app.post("/api/v1/auth/refresh", j!({"refreshToken": refresh1}))
            .await,
        401,
    )
    .await;
    assert_eq!(reused["code"], "auth.refresh_token_reused");
    let newest = json(
        app.post("/api/v1/auth/refresh", j!({"refreshToken": refresh2}))
            .await,
        401,
    )
    .await;
    assert_eq!(newest["code"], "auth.invalid_refresh_token");
    let me = app
        .client
        .get(app.url("/api/v1/users/me"))
        .bearer_auth(&access2)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json(me, 401).await["code"], "auth.invalid_token");

    // A new session, then logout ends it.
    let third = json(app.login("marie.dupont@example.com", PASSWORD).await, 200).await;
    let refresh3 = third["refreshToken"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let access3 = third["accessToken"].as_str().unwrap_or_default().to_owned();
    let out = app
        .post("/api/v1/auth/logout", j!({"refreshToken": refresh3}))
        .await;
    assert_eq!(out.status(), 204);
    json(
        app.post("/api/v1/auth/refresh", j!({"refreshToken": refresh3}))
            .await,
        401,
    )
    .await;
    let me = app
        .client
        .get(app.url("/api/v1/users/me"))
        .bearer_auth(&access3)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    json(me, 401).await;
}

#[sqlx::test(migrations = false)]
async fn a_used_email_is_a_conflict_and_a_weak_password_names_the_field(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let guest = app.user(Role::Guest).await;
    let dup = j!({"email": guest.email.to_uppercase(), "password": PASSWORD, "firstName": "A", "lastName": "B"});
    assert_eq!(
        json(app.post("/api/v1/auth/register", dup).await, 409).await["code"],
        "user.email_taken"
    );
    for (password, code) in [
        ("short", "password.too_short"),
        ("Password123", "password.too_common"),
    ] {
        let weak = j!({"email": "new@example.com", "password": password, "firstName": "A", "lastName": "B"});
        let body = json(app.post("/api/v1/auth/register", weak).await, 422).await;
        assert_eq!(body["errors"][0]["field"], "password", "{body}");
        assert_eq!(body["errors"][0]["code"], code, "{body}");
    }
    let bad_email =
        j!({"email": "not-an-email", "password": PASSWORD, "firstName": "A", "lastName": "B"});
    let body = json(app.post("/api/v1/auth/register", bad_email).await, 422).await;
    assert_eq!(body["errors"][0]["field"], "email", "{body}");
    let missing = json(
        app.post("/api/v1/auth/register", j!({"email": "x@example.com"}))
            .await,
        422,
    )
    .await;
    assert!(
        missing["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("password"),
        "{missing}"
    );
}

#[sqlx::test(migrations = false)]
async fn wrong_credentials_get_the_same_401_whether_the_account_exists_or_not(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let guest = app.user(Role::Guest).await;
    let wrong_password = json(
        app.login(&guest.email, "not the password at all").await,
        401,
    )
    .await;
    let unknown = json(app.login("nobody@example.com", PASSWORD).await, 401).await;
    assert_eq!(wrong_password, unknown);
    assert_eq!(unknown["code"], "auth.invalid_credentials");
}

#[sqlx::test(migrations = false)]
async fn staff_list_users_and_guests_are_forbidden(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let guest = app.user(Role::Guest).await;
    assert_eq!(
        json(app.get_as(&guest, "/api/v1/users").await, 403).await["code"],
        "auth.forbidden"
    );
    json(app.get("/api/v1/users").await, 401).await;
    let admin = app.user(Role::Admin).await;
    let page = json(app.get_as(&admin, "/api/v1/users").await, 200).await;
    assert!(
        page["items"]
            .as_array()
            .is_some_and(|items| items.len() >= 2),
        "{page}"
    );
}

#[sqlx::test(migrations = false)]
async fn twenty_wrong_passwords_in_a_row_are_rate_limited(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let guest = app.user(Role::Guest).await;
    let mut limited = None;
    for attempt in 1..=20 {
        let response = app.login(&guest.email, "wrong password, again").await;
        if response.status() == 429 {
            let retry_after: u64 = response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let body = json(response, 429).await;
            assert_eq!(body["code"], "auth.too_many_attempts");
            assert!(retry_after > 0 && retry_after <= 15 * 60, "{retry_after}");
            limited = Some(attempt);
            break;
        }
        json(response, 401).await;
    }
    assert_eq!(limited, Some(11), "the 11th attempt is refused");
    // Even the right password is refused while the account is locked.
    json(app.login(&guest.email, PASSWORD).await, 429).await;
}

#[sqlx::test(migrations = false)]
async fn a_disabled_users_tokens_stop_working_at_once(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let guest = app.user(Role::Guest).await;
    let admin = app.user(Role::Admin).await;
    json(app.get_as(&guest, "/api/v1/users/me").await, 200).await;
    let disabled = app
        .patch_as(
            &admin,
            &format!("/api/v1/users/{}", guest.id),
            j!({"disabled": true}),
        )
        .await;
    assert_eq!(json(disabled, 200).await["disabled"], true);
    json(app.get_as(&guest, "/api/v1/users/me").await, 401).await;
    json(
        app.post(
            "/api/v1/auth/refresh",
            j!({"refreshToken": guest.refresh_token}),
        )
        .await,
        401,
    )
    .await;
    json(app.login(&guest.email, PASSWORD).await, 401).await;
}

/// The reset token in the newest `.eml` file of the platform's mail directory.
async fn emailed_token(app: &TestApp) -> String {
    let dir = app.platform.settings.data_dir.join("mail");
    for _ in 0..200 {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        if let Some(last) = files.last() {
            let text = std::fs::read_to_string(last)
                .unwrap_or_default()
                .replace("=\r\n", "")
                .replace("=\n", "");
            if let Some(token) = text
                .split("Code : ")
                .nth(1)
                .and_then(|rest| rest.split_whitespace().next())
            {
                return token.to_owned();
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no reset email in {}", dir.display());
}

#[sqlx::test(migrations = false)]
async fn the_emailed_reset_token_works_once_and_expires(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.start_worker();
    let guest = app.user(Role::Guest).await;
    let unknown = app
        .post(
            "/api/v1/auth/password-reset",
            j!({"email": "nobody@example.com"}),
        )
        .await;
    assert_eq!(unknown.status(), 202, "unknown emails get the same answer");
    let asked = app
        .post("/api/v1/auth/password-reset", j!({"email": guest.email}))
        .await;
    assert_eq!(asked.status(), 202);
    let token = emailed_token(&app).await;

    let weak = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            j!({"token": token, "newPassword": "short"}),
        )
        .await;
    assert_eq!(json(weak, 422).await["errors"][0]["field"], "newPassword");
    let new_password = "a brand new passphrase";
    let done = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            j!({"token": token, "newPassword": new_password}),
        )
        .await;
    assert_eq!(done.status(), 204);
    json(app.login(&guest.email, new_password).await, 200).await;
    json(app.get_as(&guest, "/api/v1/users/me").await, 401).await;
    let again = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            j!({"token": token, "newPassword": "yet another passphrase"}),
        )
        .await;
    assert_eq!(json(again, 422).await["code"], "auth.invalid_reset_token");

    // A second token, used after it expired.
    json(
        app.post("/api/v1/auth/password-reset", j!({"email": guest.email}))
            .await,
        202,
    )
    .await;
    let token2 = {
        let mut t = emailed_token(&app).await;
        for _ in 0..100 {
            if t != token {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
            t = emailed_token(&app).await;
        }
        t
    };
    assert_ne!(token2, token);
    app.clock.advance(chrono::Duration::minutes(61));
    let expired = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            j!({"token": token2, "newPassword": "yet another passphrase"}),
        )
        .await;
    assert_eq!(json(expired, 422).await["code"], "auth.invalid_reset_token");
}

#[sqlx::test(migrations = false)]
async fn changing_ones_password_signs_out_the_other_sessions(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let here = app.user(Role::Guest).await;
    let elsewhere = app.signed_in(here.id, &here.email).await;
    let wrong = app
        .post_as(
            &here,
            "/api/v1/auth/password",
            j!({"currentPassword": "nope nope nope", "newPassword": "another good passphrase"}),
        )
        .await;
    assert_eq!(
        json(wrong, 422).await["errors"][0]["field"],
        "currentPassword"
    );
    let changed = app
        .post_as(
            &here,
            "/api/v1/auth/password",
            j!({"currentPassword": PASSWORD, "newPassword": "another good passphrase"}),
        )
        .await;
    assert_eq!(changed.status(), 204);
    json(app.get_as(&here, "/api/v1/users/me").await, 200).await;
    json(app.get_as(&elsewhere, "/api/v1/users/me").await, 401).await;
    json(app.login(&here.email, PASSWORD).await, 401).await;
    json(app.login(&here.email, "another good passphrase").await, 200).await;
}

#[sqlx::test(migrations = false)]
async fn sign_ins_and_failures_reach_the_audit_log_without_secrets(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.start_worker();
    let guest = app.user(Role::Guest).await;
    json(app.login(&guest.email, "a wrong password here").await, 401).await;
    let admin = app.user(Role::Admin).await;
    app.wait_for(
        "SELECT count(*) FROM administration.audit_log WHERE action IN ('auth.LoginSucceeded', 'auth.LoginFailed')",
        3,
    )
    .await;
    let page = json(
        app.get_as(&admin, "/api/v1/admin/audit?action=auth.LoginSucceeded")
            .await,
        200,
    )
    .await;
    let rows = page["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 2, "{page}");
    assert!(
        rows.iter()
            .any(|r| r["actor"] == format!("user:{}", guest.id)),
        "{page}"
    );
    assert!(rows.iter().all(|r| r["ip"] == "127.0.0.1"), "{page}");
    let failed = json(
        app.get_as(&admin, "/api/v1/admin/audit?action=auth.LoginFailed")
            .await,
        200,
    )
    .await;
    assert_eq!(failed["items"][0]["after"]["reason"], "wrong_password");
    let everything = sqlx::query_scalar::<_, String>(
        "SELECT coalesce(after::text, '') FROM administration.audit_log",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap_or_default()
    .join("\n");
    assert!(!everything.contains(PASSWORD) && !everything.contains("a wrong password here"));
    assert!(
        !everything.contains(&guest.refresh_token) && !everything.contains(&guest.access_token)
    );
}

#[sqlx::test(migrations = false)]
async fn behind_a_trusted_proxy_the_forwarded_client_is_audited(pool: PgPool) {
    let app = TestApp::spawn_with(pool, |f| f.merge(("trusted_proxies", "127.0.0.1/32"))).await;
    app.start_worker();
    let guest = app.user(Role::Guest).await;
    // The client forged the left-most hop; the proxy (127.0.0.1) appended the real one.
    let signed_in = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("X-Forwarded-For", "198.51.100.1, 203.0.113.9")
        .json(&serde_json::json!({"email": guest.email, "password": PASSWORD}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(signed_in.status(), 200);
    app.wait_for(
        "SELECT count(*) FROM administration.audit_log \
         WHERE action = 'auth.LoginSucceeded' AND ip = '203.0.113.9'",
        1,
    )
    .await;
}

#[sqlx::test(migrations = false)]
async fn without_trusted_proxies_a_forwarded_header_is_not_believed(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.start_worker();
    let guest = app.user(Role::Guest).await;
    let signed_in = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("X-Forwarded-For", "203.0.113.9")
        .json(&serde_json::json!({"email": guest.email, "password": PASSWORD}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(signed_in.status(), 200);
    app.wait_for(
        "SELECT count(*) FROM administration.audit_log WHERE action = 'auth.LoginSucceeded'",
        2,
    )
    .await;
    assert_eq!(
        app.count(
            "SELECT count(*) FROM administration.audit_log \
             WHERE action = 'auth.LoginSucceeded' AND ip = '127.0.0.1'"
        )
        .await,
        2
    );
}
