//! Builds the auth context from the platform's settings.

use std::{path::Path, sync::Arc, time::Duration};

use secrecy::ExposeSecret;
use sejour_core::AppError;
use sejour_infrastructure::{
    config::Settings, mail::QueuedMail, module::Shared, rate_limit, secrets,
};
use sejour_users::application::directory::UserDirectory;

use super::{
    adapters::{PgAuthOutbox, RandomSecretTokens, RateLimitedAttempts},
    jwt::JwtAccessTokens,
    password_hasher::Argon2Hasher,
    repositories::{PgCredentialRepository, PgPasswordResetRepository, PgSessionRepository},
};
use crate::application::{Auth, AuthPolicy};

/// The rate-limit window of sign-ins and reset requests.
const WINDOW: Duration = Duration::from_secs(15 * 60);

/// The auth context on the shared adapters (the rate limiter on Redis when configured),
/// with `users` (the users context's directory), lifetimes and limits from the settings.
pub fn auth_from_settings(
    shared: &Shared,
    users: Arc<dyn UserDirectory>,
) -> Result<Auth, AppError> {
    let settings = shared.settings.as_ref();
    let secret = jwt_secret(settings)?;
    let store = shared.store();
    Ok(Auth {
        uow: Arc::new(shared.unit_of_work()),
        credentials: Arc::new(PgCredentialRepository::new(shared.pool.clone())),
        sessions: Arc::new(PgSessionRepository::new(shared.pool.clone())),
        resets: Arc::new(PgPasswordResetRepository),
        outbox: Arc::new(PgAuthOutbox::new(store.clone())),
        mail: Arc::new(QueuedMail::new(store)),
        clock: shared.clock.clone(),
        ids: shared.ids.clone(),
        users,
        hasher: Arc::new(Argon2Hasher::new()?),
        tokens: Arc::new(JwtAccessTokens::new(&secret)),
        secrets: Arc::new(RandomSecretTokens),
        limiter: Arc::new(RateLimitedAttempts(rate_limit::limiter_from(
            shared.redis.clone(),
            shared.clock.clone(),
        ))),
        policy: AuthPolicy {
            access_ttl: chrono::Duration::seconds(
                i64::try_from(settings.access_token_ttl_secs).unwrap_or(900),
            ),
            refresh_ttl: chrono::Duration::days(i64::from(settings.refresh_token_ttl_days)),
            reset_ttl: chrono::Duration::minutes(i64::from(settings.password_reset_ttl_mins)),
            max_attempts_per_account: settings.login_max_failures,
            max_attempts_per_ip: settings.login_max_per_ip,
            window: WINDOW,
            public_url: settings.public_url.clone(),
        },
    })
}

/// `SEJOUR_JWT_SECRET`; in development mode without one, a random secret kept in
/// `$SEJOUR_DATA_DIR/dev-jwt-secret` so that sessions survive restarts.
fn jwt_secret(settings: &Settings) -> Result<Vec<u8>, AppError> {
    if let Some(secret) = &settings.jwt_secret
        && (secret.expose_secret().len() >= 32 || settings.dev_mode)
    {
        return Ok(secret.expose_secret().as_bytes().to_vec());
    }
    if !settings.dev_mode {
        return Err(AppError::internal(
            "SEJOUR_JWT_SECRET is missing or shorter than 32 bytes",
        ));
    }
    let path = settings.data_dir.join("dev-jwt-secret");
    dev_secret(&path).map_err(|e| AppError::internal(format!("{}: {e}", path.display())))
}

fn dev_secret(path: &Path) -> std::io::Result<Vec<u8>> {
    match std::fs::read_to_string(path) {
        Ok(existing) if existing.trim().len() >= 32 => Ok(existing.trim().as_bytes().to_vec()),
        _ => {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let fresh = secrets::new_token();
            std::fs::write(path, &fresh)?;
            tracing::warn!(path = %path.display(), "development mode: generated a JWT secret");
            Ok(fresh.into_bytes())
        }
    }
}
