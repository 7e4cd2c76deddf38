//! The PostgreSQL pool and migrations.
//!
//! Each context owns a schema and ships its migrations in its own `migrations/` folder,
//! embedded with `sqlx::migrate!`. The composition root merges them into one
//! [`Migrator`] ordered by version (versions are timestamps, unique across contexts).

use std::{borrow::Cow, str::FromStr, time::Duration};

use sqlx::{
    ConnectOptions, PgPool, Postgres,
    migrate::{MigrateDatabase, Migrator},
    postgres::{PgConnectOptions, PgPoolOptions},
};

/// Why the database could not be reached or prepared.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The URL is not a PostgreSQL URL.
    #[error("DATABASE_URL is not a valid PostgreSQL URL: {0}")]
    BadUrl(String),
    /// Connecting or creating the database failed.
    #[error("cannot reach PostgreSQL: {0}")]
    Connect(#[source] sqlx::Error),
    /// A migration failed.
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Two contexts ship a migration with the same version.
    #[error("migration version {0} is used by two contexts")]
    DuplicateVersion(i64),
}

/// Maps a storage failure onto the application's error envelope: an unreachable or
/// exhausted database is `Unavailable` (503), anything else `Internal` (500, cause logged
/// only). Constraint violations that mean something are mapped by each repository first.
pub fn storage_error(error: sqlx::Error) -> sejour_core::AppError {
    match error {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
            sejour_core::AppError::unavailable(error)
        }
        other => sejour_core::AppError::internal(other),
    }
}

/// `.storage()` on any sqlx result: the error mapped by [`storage_error`].
pub trait StorageResult<T> {
    /// The result with a storage failure mapped onto the application's envelope.
    fn storage(self) -> Result<T, sejour_core::AppError>;
}

impl<T> StorageResult<T> for Result<T, sqlx::Error> {
    fn storage(self) -> Result<T, sejour_core::AppError> {
        self.map_err(storage_error)
    }
}

/// Builds the domain error a violated constraint stands for.
pub type ConstraintError = fn() -> sejour_core::AppError;

/// The domain error a named constraint stands for (`on_constraint(e, &[("occupations_never_overlap",
/// period_unavailable)])`): a violation of one of `constraints` becomes its error, any
/// other failure goes through [`storage_error`].
pub fn on_constraint(
    error: sqlx::Error,
    constraints: &[(&str, ConstraintError)],
) -> sejour_core::AppError {
    let named = error
        .as_database_error()
        .and_then(|db| db.constraint())
        .and_then(|name| constraints.iter().find(|(c, _)| *c == name));
    match named {
        Some((_, to_error)) => to_error(),
        None => storage_error(error),
    }
}

/// Creates the database named in `url` when it does not exist yet.
pub async fn ensure_database(url: &str) -> Result<(), DbError> {
    PgConnectOptions::from_str(url).map_err(|e| DbError::BadUrl(e.to_string()))?;
    if !Postgres::database_exists(url)
        .await
        .map_err(DbError::Connect)?
    {
        tracing::info!("creating the database named in DATABASE_URL");
        Postgres::create_database(url)
            .await
            .map_err(DbError::Connect)?;
    }
    Ok(())
}

/// Opens a pool of at most `max_connections` to `url`.
pub async fn connect(url: &str, max_connections: u32) -> Result<PgPool, DbError> {
    let options = PgConnectOptions::from_str(url)
        .map_err(|e| DbError::BadUrl(e.to_string()))?
        .log_slow_statements(tracing::log::LevelFilter::Warn, Duration::from_millis(500))
        .application_name("sejour");
    PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(5))
        // No ping on every checkout (a round trip each, four per booking): a connection
        // broken since its last use fails that one statement (503, retryable) and is
        // dropped; idle ones are recycled after 10 minutes anyway.
        .test_before_acquire(false)
        .connect_with(options)
        .await
        .map_err(DbError::Connect)
}

/// Merges the migrators of every context into one, ordered by version.
pub fn merge_migrators(migrators: &[&Migrator]) -> Result<Migrator, DbError> {
    let mut all: Vec<_> = migrators
        .iter()
        .flat_map(|m| m.migrations.iter().cloned())
        .collect();
    all.sort_by_key(|m| m.version);
    if let Some(pair) = all.windows(2).find(|w| w[0].version == w[1].version) {
        return Err(DbError::DuplicateVersion(pair[0].version));
    }
    Ok(Migrator {
        migrations: Cow::Owned(all),
        ..Migrator::DEFAULT
    })
}

/// The platform's own migrations (the `queue` and `scheduler` schemas).
pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations");
