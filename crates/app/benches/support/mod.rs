//! What the load benchmarks share: sizes from the environment, a scratch database, the
//! platform served on 127.0.0.1, a deterministic random sequence and latency percentiles.

use std::{io::Write, net::SocketAddr, path::PathBuf, sync::Arc, time::Duration};

use sejour::platform::Platform;
use sejour_core::SystemClock;
use sejour_infrastructure::config::Settings;
use sqlx::{Connection, PgConnection, PgPool};

/// The benchmarks' error type.
pub type BoxError = Box<dyn std::error::Error>;

/// `name` from the environment, else `default`.
pub fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A deterministic pseudo-random sequence (no dependency needed for a load mix).
pub struct Lcg(pub u64);

impl Lcg {
    /// A number in `0..n`.
    pub fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        usize::try_from((self.0 >> 33) % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }
}

/// The `p`th percentile of sorted `latencies`, in milliseconds.
pub fn percentile_ms(latencies: &[Duration], p: f64) -> f64 {
    let last = latencies.len().saturating_sub(1);
    let i = ((p / 100.0) * last as f64).round() as usize;
    latencies.get(i).copied().unwrap_or_default().as_secs_f64() * 1e3
}

/// The platform on `db_url` (migrated, subscriptions registered, 24 connections),
/// serving on 127.0.0.1; its pool, the API's base URL (`…/api/v1`) and its data
/// directory.
pub async fn serve(db_url: &str) -> Result<(PgPool, String, PathBuf), BoxError> {
    let data_dir = std::env::temp_dir().join(format!("sejour-bench-{}", std::process::id()));
    std::fs::create_dir_all(&data_dir)?;
    let figment = Settings::figment(None)
        .merge(("database_url", db_url))
        .merge(("jwt_secret", "bench-secret-0123456789abcdef-0123456789"))
        .merge(("data_dir", data_dir.display().to_string()))
        .merge(("db_max_connections", 24));
    let settings = Settings::from_figment(figment)?;
    let pool = sejour_infrastructure::db::connect(db_url, 24).await?;
    let platform = Platform::assemble(settings, pool.clone(), None, Arc::new(SystemClock))?;
    platform.migrate().await?;
    // As every process does at start: new messages fan out to the consumers' deliveries.
    platform.register_subscriptions().await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let router = platform.router();
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await;
    });
    Ok((pool, format!("http://{addr}/api/v1"), data_dir))
}

/// Runs `bench` on a scratch database created next to `DATABASE_URL`'s (default
/// `postgres://postgres@127.0.0.1:5432/postgres`) and dropped afterwards; prints its
/// report. `--list` (what `cargo test --benches` asks) runs nothing.
pub fn main_on_scratch_database<F, Fut>(bench: F) -> Result<(), BoxError>
where
    F: FnOnce(String) -> Fut,
    Fut: Future<Output = Result<String, BoxError>>,
{
    if std::env::args().any(|a| a == "--list") {
        return Ok(());
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let admin = std::env::var("DATABASE_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        let name = format!("sejour_bench_{}", uuid::Uuid::now_v7().simple());
        let root = admin
            .rsplit_once('/')
            .map(|(r, _)| r.to_owned())
            .ok_or("DATABASE_URL has no database")?;
        let mut conn = PgConnection::connect(&admin).await?;
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await?;
        let outcome = bench(format!("{root}/{name}")).await;
        sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut conn)
            .await?;
        let report = outcome?;
        std::io::stdout().write_all(report.as_bytes())?;
        Ok(())
    })
}
