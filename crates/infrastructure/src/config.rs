//! Typed configuration, read once at start from an optional TOML file and the
//! environment (`SEJOUR_*`, `DATABASE_URL`, `REDIS_URL`), validated with messages that
//! name the bad setting. Secrets are wrapped so that they never print.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use figment::{
    Figment,
    providers::{Env, Format, Serialized, Toml},
};
use secrecy::SecretString;
use serde::{Deserialize, Serialize};

/// Every setting of the platform. See the README's configuration table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// PostgreSQL URL (`DATABASE_URL`). Created at start if it does not exist.
    pub database_url: SecretString,
    /// Maximum connections in the pool (`SEJOUR_DB_MAX_CONNECTIONS`).
    pub db_max_connections: u32,
    /// Redis URL (`REDIS_URL`); unset → in-process cache and rate limits.
    pub redis_url: Option<SecretString>,
    /// Address the API listens on (`SEJOUR_HTTP_ADDR`).
    pub http_addr: SocketAddr,
    /// Origins allowed by CORS, comma-separated (`SEJOUR_CORS_ORIGINS`); empty → none.
    #[serde(deserialize_with = "comma_separated")]
    pub cors_origins: Vec<String>,
    /// Largest accepted request body, bytes (`SEJOUR_BODY_LIMIT_BYTES`).
    pub body_limit_bytes: usize,
    /// Request timeout, seconds (`SEJOUR_REQUEST_TIMEOUT_SECS`).
    pub request_timeout_secs: u64,
    /// Directory of the embedded defaults' files (`SEJOUR_DATA_DIR`).
    pub data_dir: PathBuf,
    /// Log format: `pretty` or `json` (`SEJOUR_LOG_FORMAT`).
    pub log_format: LogFormat,
    /// Apply migrations when `api` or `all` starts (`SEJOUR_MIGRATE_ON_START`).
    pub migrate_on_start: bool,
    /// Bearer token for `/api/v1/admin/*` until user roles exist (`SEJOUR_ADMIN_TOKEN`).
    pub admin_token: Option<SecretString>,
    /// Concurrent deliveries per worker process (`SEJOUR_WORKER_CONCURRENCY`).
    pub worker_concurrency: usize,
    /// How long a claimed delivery is leased before another worker may take it, seconds
    /// (`SEJOUR_WORKER_LEASE_SECS`).
    pub worker_lease_secs: u64,
    /// Polling fallback when no notification arrives, milliseconds (`SEJOUR_WORKER_POLL_MS`).
    pub worker_poll_ms: u64,
    /// Attempts before a delivery is dead-lettered (`SEJOUR_WORKER_MAX_ATTEMPTS`).
    pub worker_max_attempts: i32,
    /// First retry delay, milliseconds; doubles each attempt (`SEJOUR_WORKER_BACKOFF_BASE_MS`).
    pub worker_backoff_base_ms: u64,
    /// Longest retry delay, seconds (`SEJOUR_WORKER_BACKOFF_MAX_SECS`).
    pub worker_backoff_max_secs: u64,
    /// Time given to in-flight work on SIGTERM, seconds (`SEJOUR_SHUTDOWN_GRACE_SECS`).
    pub shutdown_grace_secs: u64,
    /// Delivered messages older than this are purged, days (`SEJOUR_OUTBOX_RETENTION_DAYS`).
    pub outbox_retention_days: u32,
}

/// Accepts a list, or one string of comma-separated items (as environment variables give).
fn comma_separated<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum List {
        One(String),
        Many(Vec<String>),
    }
    Ok(match List::deserialize(d)? {
        List::One(s) => s
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        List::Many(v) => v,
    })
}

/// How logs are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Pretty,
    /// One JSON object per line (production).
    Json,
}

/// The defaults: everything runs on one machine with PostgreSQL only.
#[derive(Serialize)]
struct Defaults {
    database_url: &'static str,
    db_max_connections: u32,
    http_addr: &'static str,
    cors_origins: Vec<String>,
    body_limit_bytes: usize,
    request_timeout_secs: u64,
    data_dir: &'static str,
    log_format: LogFormat,
    migrate_on_start: bool,
    worker_concurrency: usize,
    worker_lease_secs: u64,
    worker_poll_ms: u64,
    worker_max_attempts: i32,
    worker_backoff_base_ms: u64,
    worker_backoff_max_secs: u64,
    shutdown_grace_secs: u64,
    outbox_retention_days: u32,
}

impl Default for Defaults {
    fn default() -> Self {
        Self {
            database_url: "postgres://postgres@localhost:5432/sejour",
            db_max_connections: 20,
            http_addr: "127.0.0.1:8080",
            cors_origins: Vec::new(),
            body_limit_bytes: 1024 * 1024,
            request_timeout_secs: 30,
            data_dir: "./.data",
            log_format: LogFormat::Pretty,
            migrate_on_start: true,
            worker_concurrency: 8,
            worker_lease_secs: 60,
            worker_poll_ms: 1000,
            worker_max_attempts: 8,
            worker_backoff_base_ms: 1000,
            worker_backoff_max_secs: 3600,
            shutdown_grace_secs: 20,
            outbox_retention_days: 14,
        }
    }
}

/// Why the configuration was refused.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A setting could not be read or parsed; figment's message names it.
    #[error("invalid configuration: {0}")]
    Invalid(String),
    /// A setting parsed but is out of range.
    #[error("invalid configuration: {setting} {problem}")]
    OutOfRange {
        /// The environment variable's name.
        setting: &'static str,
        /// What is wrong with it.
        problem: &'static str,
    },
}

impl Settings {
    /// Reads the defaults, then `file` (TOML) when given, then the environment.
    pub fn load(file: Option<&std::path::Path>) -> Result<Self, ConfigError> {
        Self::from_figment(Self::figment(file))
    }

    /// The layered sources, exposed so that tests can add their own.
    pub fn figment(file: Option<&std::path::Path>) -> Figment {
        let mut figment = Figment::from(Serialized::defaults(Defaults::default()));
        if let Some(path) = file {
            figment = figment.merge(Toml::file_exact(path));
        }
        figment
            .merge(
                Env::prefixed("SEJOUR_")
                    .ignore(&["config_file"])
                    .map(|k| k.as_str().to_ascii_lowercase().into()),
            )
            .merge(
                Env::raw()
                    .only(&["DATABASE_URL", "REDIS_URL"])
                    .map(|k| k.as_str().to_ascii_lowercase().into()),
            )
    }

    /// Extracts and validates settings from `figment`.
    pub fn from_figment(figment: Figment) -> Result<Self, ConfigError> {
        let settings: Settings = figment.extract().map_err(|e| {
            // figment names the key; show the environment variable people set.
            let mut msg = String::new();
            for err in e {
                let key = err.path.join(".");
                let var = match key.as_str() {
                    "database_url" | "redis_url" => key.to_ascii_uppercase(),
                    "" => String::new(),
                    other => format!("SEJOUR_{}", other.to_ascii_uppercase()),
                };
                if !msg.is_empty() {
                    msg.push_str("; ");
                }
                if var.is_empty() {
                    msg.push_str(&err.kind.to_string());
                } else {
                    msg.push_str(&format!("{var}: {}", err.kind));
                }
            }
            ConfigError::Invalid(msg)
        })?;
        settings.validate()?;
        Ok(settings)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let checks: [(bool, &'static str, &'static str); 6] = [
            (
                self.db_max_connections >= 2,
                "SEJOUR_DB_MAX_CONNECTIONS",
                "must be at least 2",
            ),
            (
                self.worker_concurrency >= 1,
                "SEJOUR_WORKER_CONCURRENCY",
                "must be at least 1",
            ),
            (
                self.worker_lease_secs >= 1,
                "SEJOUR_WORKER_LEASE_SECS",
                "must be at least 1",
            ),
            (
                self.worker_max_attempts >= 1,
                "SEJOUR_WORKER_MAX_ATTEMPTS",
                "must be at least 1",
            ),
            (
                self.body_limit_bytes >= 1024,
                "SEJOUR_BODY_LIMIT_BYTES",
                "must be at least 1024",
            ),
            (
                self.request_timeout_secs >= 1,
                "SEJOUR_REQUEST_TIMEOUT_SECS",
                "must be at least 1",
            ),
        ];
        for (ok, setting, problem) in checks {
            if !ok {
                return Err(ConfigError::OutOfRange { setting, problem });
            }
        }
        for origin in &self.cors_origins {
            if !(origin.starts_with("http://") || origin.starts_with("https://")) {
                return Err(ConfigError::OutOfRange {
                    setting: "SEJOUR_CORS_ORIGINS",
                    problem: "must list origins such as https://app.example.com",
                });
            }
        }
        Ok(())
    }

    /// The request timeout.
    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.request_timeout_secs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn defaults_are_valid_and_point_at_the_local_database() {
        let settings =
            Settings::from_figment(Figment::from(Serialized::defaults(Defaults::default())))
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            settings.database_url.expose_secret(),
            "postgres://postgres@localhost:5432/sejour"
        );
        assert_eq!(settings.http_addr.to_string(), "127.0.0.1:8080");
        assert!(settings.redis_url.is_none());
    }

    #[test]
    fn a_bad_value_names_the_environment_variable() {
        let figment = Figment::from(Serialized::defaults(Defaults::default()))
            .merge(("http_addr", "not-an-address"));
        let err = Settings::from_figment(figment).err().map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.contains("SEJOUR_HTTP_ADDR")),
            "{err:?}"
        );
    }

    #[test]
    fn an_out_of_range_value_is_refused() {
        let figment = Figment::from(Serialized::defaults(Defaults::default()))
            .merge(("worker_concurrency", 0));
        let err = Settings::from_figment(figment).err().map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.contains("SEJOUR_WORKER_CONCURRENCY")),
            "{err:?}"
        );
    }

    #[test]
    fn a_config_file_is_read_and_the_environment_names_win() {
        let path = std::env::temp_dir().join(format!("sejour-config-{}.toml", std::process::id()));
        std::fs::write(
            &path,
            "http_addr = \"127.0.0.1:9999\"\nworker_concurrency = 3\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let figment = Settings::figment(Some(&path)).merge(("worker_concurrency", 5));
        let settings = Settings::from_figment(figment).unwrap_or_else(|e| panic!("{e}"));
        let _ = std::fs::remove_file(&path);
        assert_eq!(settings.http_addr.to_string(), "127.0.0.1:9999");
        assert_eq!(settings.worker_concurrency, 5);
    }

    #[test]
    fn a_missing_config_file_is_an_error() {
        let missing = std::path::Path::new("/nonexistent/sejour.toml");
        assert!(Settings::load(Some(missing)).is_err());
    }

    #[test]
    fn cors_origins_accept_a_comma_separated_string() {
        let figment = Figment::from(Serialized::defaults(Defaults::default()))
            .merge(("cors_origins", "https://a.example, https://b.example"));
        let settings = Settings::from_figment(figment).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            settings.cors_origins,
            vec!["https://a.example", "https://b.example"]
        );
    }

    #[test]
    fn secrets_do_not_print() {
        let figment = Figment::from(Serialized::defaults(Defaults::default()))
            .merge(("admin_token", "very-secret-token"));
        let settings = Settings::from_figment(figment).unwrap_or_else(|e| panic!("{e}"));
        assert!(!format!("{settings:?}").contains("very-secret-token"));
    }
}
