//! Typed configuration, read once at start from an optional TOML file and the
//! environment (`SEJOUR_*`, `DATABASE_URL`, `REDIS_URL`), validated with messages that
//! name the bad setting. Secrets are wrapped so that they never print.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use figment::{
    Figment,
    providers::{Env, Format, Serialized, Toml},
};
use secrecy::{ExposeSecret, SecretString};
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
    /// Reverse proxies (addresses or networks, comma-separated) whose `X-Forwarded-For`
    /// names the client (`SEJOUR_TRUSTED_PROXIES`); empty → the TCP peer is the client.
    #[serde(deserialize_with = "comma_separated")]
    pub trusted_proxies: Vec<String>,
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
    /// Development mode: allows a missing or short JWT secret (`SEJOUR_DEV_MODE`).
    pub dev_mode: bool,
    /// HMAC secret signing access tokens, at least 32 bytes (`SEJOUR_JWT_SECRET`).
    pub jwt_secret: Option<SecretString>,
    /// Access-token lifetime, seconds (`SEJOUR_ACCESS_TOKEN_TTL_SECS`).
    pub access_token_ttl_secs: u64,
    /// Refresh-token lifetime, days (`SEJOUR_REFRESH_TOKEN_TTL_DAYS`).
    pub refresh_token_ttl_days: u32,
    /// Password-reset token lifetime, minutes (`SEJOUR_PASSWORD_RESET_TTL_MINS`).
    pub password_reset_ttl_mins: u32,
    /// Failed logins allowed per account per 15 minutes (`SEJOUR_LOGIN_MAX_FAILURES`).
    pub login_max_failures: u32,
    /// Login attempts allowed per client IP per 15 minutes (`SEJOUR_LOGIN_MAX_PER_IP`).
    pub login_max_per_ip: u32,
    /// The first admin's email, created at start when no admin exists
    /// (`SEJOUR_BOOTSTRAP_ADMIN_EMAIL`).
    pub bootstrap_admin_email: Option<String>,
    /// The first admin's password (`SEJOUR_BOOTSTRAP_ADMIN_PASSWORD`).
    pub bootstrap_admin_password: Option<SecretString>,
    /// SMTP server, e.g. `smtps://user:pass@smtp.example.com:465` (`SEJOUR_SMTP_URL`);
    /// unset → emails are written as `.eml` files under `$SEJOUR_DATA_DIR/mail/`.
    pub smtp_url: Option<SecretString>,
    /// The sender of outgoing email (`SEJOUR_MAIL_FROM`).
    pub mail_from: String,
    /// The public URL of the front end, for links in emails (`SEJOUR_PUBLIC_URL`).
    pub public_url: String,
    /// The agency's name as its invoices state it (`SEJOUR_AGENCY_NAME`).
    pub agency_name: String,
    /// The agency's legal identifiers on its invoices: SIREN, legal form, capital, VAT
    /// number (`SEJOUR_AGENCY_LEGAL_ID`).
    pub agency_legal_id: String,
    /// The agency's address on its invoices (`SEJOUR_AGENCY_ADDRESS`).
    pub agency_address: String,
    /// The agency's SIREN, 9 digits, for its electronic invoices (Factur-X)
    /// (`SEJOUR_AGENCY_SIREN`).
    pub agency_siren: String,
    /// The agency's intra-EU VAT number, if it has one (`SEJOUR_AGENCY_VAT_NUMBER`).
    pub agency_vat_number: Option<String>,
    /// The VAT rate of the agency's fees — its commission invoices to owners — in basis
    /// points (2000 = 20 %); 0 when exempt, `SEJOUR_INVOICE_VAT_MENTION` saying why
    /// (`SEJOUR_AGENCY_VAT_RATE_BP`).
    pub agency_vat_rate_bp: u32,
    /// Where the agency is told of what needs a person: a balance or a security deposit
    /// the guest's card refused (`SEJOUR_AGENCY_EMAIL`).
    pub agency_email: String,
    /// The VAT wording of the invoices: the rate or the exemption's article
    /// (`SEJOUR_INVOICE_VAT_MENTION`).
    pub invoice_vat_mention: String,
    /// Stripe's secret API key (`SEJOUR_STRIPE_SECRET_KEY`); unset → payments go through
    /// the built-in gateway.
    pub stripe_secret_key: Option<SecretString>,
    /// The signing secret of Stripe's webhook endpoint (`SEJOUR_STRIPE_WEBHOOK_SECRET`),
    /// set with the key.
    pub stripe_webhook_secret: Option<SecretString>,
    /// Stripe's API base URL (`SEJOUR_STRIPE_API_BASE`; a local server in tests).
    pub stripe_api_base: String,
    /// How often imported calendars are synced, minutes: 1–59, or whole hours up to 1440
    /// (`SEJOUR_ICAL_SYNC_MINUTES`).
    pub ical_sync_minutes: u32,
    /// Whether imported calendar feeds may live on loopback or private addresses
    /// (`SEJOUR_ICAL_ALLOW_PRIVATE_HOSTS`; development and tests only).
    pub ical_allow_private_hosts: bool,
    /// Deposit at booking, basis points of the total (`SEJOUR_DEPOSIT_BP`).
    pub deposit_bp: u32,
    /// Cap on advance payments under a mandate, basis points of the rent
    /// (`SEJOUR_MANDATE_ADVANCE_CAP_BP`).
    pub mandate_advance_cap_bp: u32,
    /// No payment is due more than this many months before arrival
    /// (`SEJOUR_ADVANCE_MAX_MONTHS`).
    pub advance_max_months: u32,
    /// The balance is due this many days before arrival (`SEJOUR_BALANCE_DUE_DAYS`).
    pub balance_due_days: u32,
    /// How long a pending reservation holds its dates unconfirmed before the scheduler
    /// cancels it (reason `expired`), minutes (`SEJOUR_RESERVATION_HOLD_MINUTES`).
    pub reservation_hold_minutes: u32,
    /// S3-compatible endpoint, e.g. `https://s3.gra.io.cloud.ovh.net` (`SEJOUR_S3_ENDPOINT`);
    /// unset → AWS S3. `http://` allows plain HTTP (local MinIO).
    pub s3_endpoint: Option<String>,
    /// S3 region (`SEJOUR_S3_REGION`).
    pub s3_region: String,
    /// S3 bucket (`SEJOUR_S3_BUCKET`); unset → objects are files under
    /// `$SEJOUR_DATA_DIR/storage/`.
    pub s3_bucket: Option<String>,
    /// S3 access key id (`SEJOUR_S3_ACCESS_KEY_ID`).
    pub s3_access_key_id: Option<String>,
    /// S3 secret access key (`SEJOUR_S3_SECRET_ACCESS_KEY`).
    pub s3_secret_access_key: Option<SecretString>,
    /// Path-style S3 URLs, as MinIO needs; false → virtual-hosted style
    /// (`SEJOUR_S3_PATH_STYLE`).
    pub s3_path_style: bool,
    /// Largest accepted upload (photo, document), bytes (`SEJOUR_MAX_UPLOAD_BYTES`).
    pub max_upload_bytes: usize,
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
    trusted_proxies: Vec<String>,
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
    dev_mode: bool,
    access_token_ttl_secs: u64,
    refresh_token_ttl_days: u32,
    password_reset_ttl_mins: u32,
    login_max_failures: u32,
    login_max_per_ip: u32,
    mail_from: &'static str,
    public_url: &'static str,
    agency_name: &'static str,
    agency_legal_id: &'static str,
    agency_address: &'static str,
    agency_siren: &'static str,
    agency_vat_rate_bp: u32,
    agency_email: &'static str,
    invoice_vat_mention: &'static str,
    stripe_api_base: &'static str,
    ical_sync_minutes: u32,
    ical_allow_private_hosts: bool,
    deposit_bp: u32,
    mandate_advance_cap_bp: u32,
    advance_max_months: u32,
    balance_due_days: u32,
    reservation_hold_minutes: u32,
    s3_region: &'static str,
    s3_path_style: bool,
    max_upload_bytes: usize,
}

impl Default for Defaults {
    fn default() -> Self {
        Self {
            database_url: "postgres://postgres@localhost:5432/sejour",
            db_max_connections: 20,
            http_addr: "127.0.0.1:8080",
            cors_origins: Vec::new(),
            trusted_proxies: Vec::new(),
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
            dev_mode: false,
            access_token_ttl_secs: 15 * 60,
            refresh_token_ttl_days: 30,
            password_reset_ttl_mins: 60,
            login_max_failures: 10,
            login_max_per_ip: 100,
            mail_from: "Séjour <no-reply@sejour.localhost>",
            public_url: "http://127.0.0.1:8080",
            agency_name: "Agence Séjour (démonstration)",
            agency_legal_id: "SAS au capital de 10 000 € — SIREN 000 000 000 — TVA FR00000000000",
            agency_address: "1 place de la Démonstration, 06000 Nice, France",
            agency_siren: "000000000",
            agency_vat_rate_bp: 0,
            agency_email: "agence@sejour.localhost",
            invoice_vat_mention: "TVA non applicable, art. 293 B du CGI",
            stripe_api_base: "https://api.stripe.com",
            ical_sync_minutes: 15,
            ical_allow_private_hosts: false,
            deposit_bp: 3000,
            mandate_advance_cap_bp: 2500,
            advance_max_months: 6,
            balance_due_days: 30,
            reservation_hold_minutes: 1440,
            s3_region: "us-east-1",
            s3_path_style: true,
            max_upload_bytes: 10 * 1024 * 1024,
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
        let secret_len = self
            .jwt_secret
            .as_ref()
            .map(|s| s.expose_secret().len())
            .unwrap_or(0);
        if secret_len < 32 && !self.dev_mode {
            return Err(ConfigError::OutOfRange {
                setting: "SEJOUR_JWT_SECRET",
                problem: "must be set to at least 32 bytes (or set SEJOUR_DEV_MODE=true for development)",
            });
        }
        if self.stripe_secret_key.is_some() != self.stripe_webhook_secret.is_some() {
            return Err(ConfigError::OutOfRange {
                setting: "SEJOUR_STRIPE_SECRET_KEY",
                problem: "and SEJOUR_STRIPE_WEBHOOK_SECRET must be set together",
            });
        }
        if self.agency_siren.len() != 9 || !self.agency_siren.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ConfigError::OutOfRange {
                setting: "SEJOUR_AGENCY_SIREN",
                problem: "must be 9 digits",
            });
        }
        if self.agency_vat_rate_bp > 10_000 {
            return Err(ConfigError::OutOfRange {
                setting: "SEJOUR_AGENCY_VAT_RATE_BP",
                problem: "must be between 0 and 10000 (100 %)",
            });
        }
        if self.bootstrap_admin_email.is_some() != self.bootstrap_admin_password.is_some() {
            return Err(ConfigError::OutOfRange {
                setting: "SEJOUR_BOOTSTRAP_ADMIN_EMAIL",
                problem: "and SEJOUR_BOOTSTRAP_ADMIN_PASSWORD must be set together",
            });
        }
        let positive: [(bool, &'static str); 6] = [
            (
                self.reservation_hold_minutes >= 1,
                "SEJOUR_RESERVATION_HOLD_MINUTES",
            ),
            (
                self.access_token_ttl_secs >= 1,
                "SEJOUR_ACCESS_TOKEN_TTL_SECS",
            ),
            (
                self.refresh_token_ttl_days >= 1,
                "SEJOUR_REFRESH_TOKEN_TTL_DAYS",
            ),
            (
                self.password_reset_ttl_mins >= 1,
                "SEJOUR_PASSWORD_RESET_TTL_MINS",
            ),
            (self.login_max_failures >= 1, "SEJOUR_LOGIN_MAX_FAILURES"),
            (self.login_max_per_ip >= 1, "SEJOUR_LOGIN_MAX_PER_IP"),
        ];
        let m = self.ical_sync_minutes;
        if !((1..60).contains(&m) || (m.is_multiple_of(60) && (60..=1440).contains(&m))) {
            return Err(ConfigError::OutOfRange {
                setting: "SEJOUR_ICAL_SYNC_MINUTES",
                problem: "must be 1 to 59, or whole hours (60, 120, ... 1440)",
            });
        }
        if let Some((_, setting)) = positive.iter().find(|(ok, _)| !ok) {
            return Err(ConfigError::OutOfRange {
                setting,
                problem: "must be at least 1",
            });
        }
        if self.s3_bucket.is_some()
            && (self.s3_access_key_id.is_none() || self.s3_secret_access_key.is_none())
        {
            return Err(ConfigError::OutOfRange {
                setting: "SEJOUR_S3_BUCKET",
                problem: "needs SEJOUR_S3_ACCESS_KEY_ID and SEJOUR_S3_SECRET_ACCESS_KEY",
            });
        }
        if self
            .s3_endpoint
            .as_deref()
            .is_some_and(|e| !(e.starts_with("http://") || e.starts_with("https://")))
        {
            return Err(ConfigError::OutOfRange {
                setting: "SEJOUR_S3_ENDPOINT",
                problem: "must be a URL such as https://s3.example.com",
            });
        }
        if self.max_upload_bytes < 1024 {
            return Err(ConfigError::OutOfRange {
                setting: "SEJOUR_MAX_UPLOAD_BYTES",
                problem: "must be at least 1024",
            });
        }
        if crate::http::client_ip::TrustedProxies::parse(&self.trusted_proxies).is_err() {
            return Err(ConfigError::OutOfRange {
                setting: "SEJOUR_TRUSTED_PROXIES",
                problem: "must list addresses or networks such as 10.0.0.0/8, 192.0.2.10",
            });
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

    /// The trusted reverse proxies, parsed (checked when the settings were loaded).
    pub fn trusted_proxies(&self) -> crate::http::client_ip::TrustedProxies {
        crate::http::client_ip::TrustedProxies::parse(&self.trusted_proxies).unwrap_or_default()
    }

    /// The cron expression of the calendar sync: every `ical_sync_minutes`.
    pub fn ical_sync_cron(&self) -> String {
        match self.ical_sync_minutes {
            m if m < 60 => format!("*/{m} * * * *"),
            m if m < 1440 => format!("0 */{} * * *", m / 60),
            _ => "0 3 * * *".to_owned(),
        }
    }

    /// The request timeout.
    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.request_timeout_secs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The defaults in development mode (no JWT secret needed).
    fn dev() -> Figment {
        Figment::from(Serialized::defaults(Defaults::default())).merge(("dev_mode", true))
    }

    #[test]
    fn without_dev_mode_a_jwt_secret_of_32_bytes_is_required() {
        let base = Figment::from(Serialized::defaults(Defaults::default()));
        let err = Settings::from_figment(base.clone())
            .err()
            .map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.contains("SEJOUR_JWT_SECRET")),
            "{err:?}"
        );
        let short = base.clone().merge(("jwt_secret", "too-short"));
        assert!(Settings::from_figment(short).is_err());
        let good = base.merge(("jwt_secret", "0123456789abcdef0123456789abcdef"));
        assert!(Settings::from_figment(good).is_ok());
    }

    #[test]
    fn defaults_are_valid_and_point_at_the_local_database() {
        let settings = Settings::from_figment(dev()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            settings.database_url.expose_secret(),
            "postgres://postgres@localhost:5432/sejour"
        );
        assert_eq!(settings.http_addr.to_string(), "127.0.0.1:8080");
        assert!(settings.redis_url.is_none());
    }

    #[test]
    fn a_bad_value_names_the_environment_variable() {
        let figment = dev().merge(("http_addr", "not-an-address"));
        let err = Settings::from_figment(figment).err().map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.contains("SEJOUR_HTTP_ADDR")),
            "{err:?}"
        );
    }

    #[test]
    fn an_out_of_range_value_is_refused() {
        let figment = dev().merge(("worker_concurrency", 0));
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
        let figment = Settings::figment(Some(&path))
            .merge(("worker_concurrency", 5))
            .merge(("dev_mode", true));
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
    fn trusted_proxies_are_addresses_or_networks() {
        let ok = dev().merge(("trusted_proxies", "10.0.0.0/8, 192.0.2.10"));
        let settings = Settings::from_figment(ok).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settings.trusted_proxies, vec!["10.0.0.0/8", "192.0.2.10"]);
        let bad = dev().merge(("trusted_proxies", "proxy.example.com"));
        assert!(Settings::from_figment(bad).is_err());
    }

    #[test]
    fn cors_origins_accept_a_comma_separated_string() {
        let figment = dev().merge(("cors_origins", "https://a.example, https://b.example"));
        let settings = Settings::from_figment(figment).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            settings.cors_origins,
            vec!["https://a.example", "https://b.example"]
        );
    }

    #[test]
    fn secrets_do_not_print() {
        let figment = dev().merge(("jwt_secret", "very-secret-token-very-secret-token"));
        let settings = Settings::from_figment(figment).unwrap_or_else(|e| panic!("{e}"));
        assert!(!format!("{settings:?}").contains("very-secret-token"));
    }
}
