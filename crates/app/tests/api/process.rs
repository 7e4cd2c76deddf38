//! The real `sejour` binary as a process: migrate, serve, stop on SIGTERM, verify the
//! audit chain, refuse bad configuration.

use std::{
    process::Stdio,
    time::{Duration, Instant},
};

use sqlx::{Connection, PgConnection};
use tokio::process::{Child, Command};

/// A fresh database that the binary must create itself; dropped at the end.
struct FreshDb {
    name: String,
    admin_url: String,
}

impl FreshDb {
    fn new() -> Self {
        let admin_url = std::env::var("DATABASE_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        Self {
            name: format!("sejour_bin_{}", uuid::Uuid::now_v7().simple()),
            admin_url,
        }
    }

    fn url(&self) -> String {
        let root = self
            .admin_url
            .rsplit_once('/')
            .map(|(r, _)| r.to_owned())
            .unwrap_or_default();
        format!("{root}/{}", self.name)
    }

    async fn drop_db(&self) {
        if let Ok(mut conn) = PgConnection::connect(&self.admin_url).await {
            let _ = sqlx::query(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .execute(&mut conn)
            .await;
        }
    }
}

fn sejour(db: &FreshDb, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sejour"));
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", db.url())
        .env(
            "SEJOUR_JWT_SECRET",
            "process-test-secret-0123456789abcdef-xyz",
        )
        .env("SEJOUR_DATA_DIR", std::env::temp_dir().join(&db.name))
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .kill_on_drop(true);
    cmd
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("{e}"))
}

async fn wait_ready(port: u16, child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(r) = reqwest::get(format!("http://127.0.0.1:{port}/health/ready")).await
            && r.status() == 200
        {
            return;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("sejour exited early: {status}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("sejour never became ready");
}

fn sigterm(child: &Child) {
    let pid = child.id().unwrap_or_else(|| panic!("no pid"));
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success());
}

#[tokio::test]
async fn migrate_creates_the_database_and_a_second_run_is_a_no_op() {
    let db = FreshDb::new();
    let first = sejour(&db, &["migrate"])
        .output()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let mut conn = PgConnection::connect(&db.url())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let applied: i64 = sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(applied >= 3);
    let second = sejour(&db, &["migrate"])
        .output()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(second.status.success());
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(after, applied);
    drop(conn);
    db.drop_db().await;
}

#[tokio::test]
async fn all_serves_until_sigterm_then_exits_cleanly_within_seconds() {
    let db = FreshDb::new();
    let port = free_port();
    let mut child = sejour(&db, &["all"])
        .env("SEJOUR_HTTP_ADDR", format!("127.0.0.1:{port}"))
        .env("SEJOUR_BOOTSTRAP_ADMIN_EMAIL", "boot@example.com")
        .env("SEJOUR_BOOTSTRAP_ADMIN_PASSWORD", "a sturdy passphrase 1")
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    wait_ready(port, &mut child).await;
    let problem = reqwest::get(format!("http://127.0.0.1:{port}/nope"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(problem.status(), 404);
    assert_eq!(
        problem
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/problem+json")
    );
    let started = Instant::now();
    sigterm(&child);
    let status = tokio::time::timeout(Duration::from_secs(15), child.wait())
        .await
        .unwrap_or_else(|_| panic!("sejour did not stop within 15 s of SIGTERM"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "exit status {status}");
    assert!(started.elapsed() < Duration::from_secs(15));
    db.drop_db().await;
}

#[tokio::test]
async fn openapi_prints_the_document_without_a_database() {
    let db = FreshDb::new();
    let out = sejour(&db, &["openapi"])
        .env("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")
        .output()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let doc: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc["openapi"], "3.1.0");
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../openapi.json"),
        )
        .unwrap_or_default(),
    )
    .unwrap_or_default();
    assert_eq!(doc, committed);
}

#[tokio::test]
async fn a_bad_setting_is_refused_at_start_naming_it() {
    let db = FreshDb::new();
    let out = sejour(&db, &["api"])
        .env("SEJOUR_HTTP_ADDR", "nowhere")
        .output()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SEJOUR_HTTP_ADDR"));
    let out = sejour(&db, &["api"])
        .env("SEJOUR_NO_SUCH_SETTING", "1")
        .output()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(2),
        "unknown SEJOUR_ settings are refused"
    );
}

#[tokio::test]
async fn audit_verify_exits_non_zero_naming_the_altered_row() {
    let db = FreshDb::new();
    let migrate = sejour(&db, &["migrate"])
        .output()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        migrate.status.success(),
        "{}",
        String::from_utf8_lossy(&migrate.stderr)
    );
    let mut conn = PgConnection::connect(&db.url())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // Three events go through the real worker into the audit trail.
    for n in 0..3 {
        sqlx::query(
            "INSERT INTO queue.messages (id, kind, type, aggregate_type, aggregate_id, payload, occurred_at) \
             VALUES ($1, 'event', 'test.Happened', 'thing', $2, '{}', now())",
        )
        .bind(uuid::Uuid::now_v7())
        .bind(n.to_string())
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let mut worker = sejour(&db, &["worker"])
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM administration.audit_log")
            .fetch_one(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        if n == 3 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the worker audited {n} of 3 events"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    sigterm(&worker);
    let _ = worker.wait().await;

    let intact = sejour(&db, &["audit", "verify"])
        .output()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        intact.status.success(),
        "{}",
        String::from_utf8_lossy(&intact.stderr)
    );

    // The database refuses the change...
    let refused = sqlx::query("UPDATE administration.audit_log SET action = 'forged' WHERE seq = (SELECT min(seq) + 1 FROM administration.audit_log)")
        .execute(&mut conn)
        .await;
    assert!(refused.is_err(), "audit rows cannot be updated");
    // ...so go behind its back.
    let seq: i64 = sqlx::query_scalar("SELECT min(seq) + 1 FROM administration.audit_log")
        .fetch_one(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    sqlx::raw_sql(&format!(
        "SET session_replication_role = replica; \
         UPDATE administration.audit_log SET action = 'forged' WHERE seq = {seq}; \
         SET session_replication_role = origin;"
    ))
    .execute(&mut conn)
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let broken = sejour(&db, &["audit", "verify"])
        .output()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!broken.status.success());
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(stderr.contains(&seq.to_string()), "{stderr}");
    drop(conn);
    db.drop_db().await;
}

#[tokio::test]
async fn admin_create_makes_an_admin_once() {
    let db = FreshDb::new();
    let args = [
        "admin",
        "create",
        "--email",
        "first@example.com",
        "--password",
        "a long admin passphrase",
    ];
    let created = sejour(&db, &args)
        .output()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    assert!(String::from_utf8_lossy(&created.stdout).contains("first@example.com"));
    let again = sejour(&db, &args)
        .output()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.status.code(), Some(2), "the email is taken");
    let weak = sejour(
        &db,
        &[
            "admin",
            "create",
            "--email",
            "second@example.com",
            "--password",
            "short",
        ],
    )
    .output()
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(weak.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&weak.stderr).contains("password"));
    let mut conn = PgConnection::connect(&db.url())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let admins: i64 = sqlx::query_scalar("SELECT count(*) FROM users.users WHERE role = 'admin'")
        .fetch_one(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(admins, 1);
    drop(conn);
    db.drop_db().await;
}

#[tokio::test]
async fn without_a_jwt_secret_outside_dev_mode_the_platform_refuses_to_start() {
    let db = FreshDb::new();
    let out = sejour(&db, &["api"])
        .env_remove("SEJOUR_JWT_SECRET")
        .output()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SEJOUR_JWT_SECRET"));
}
