//! Builds the auth context from the platform's settings.

use std::{path::Path, sync::Arc, time::Duration};

use secrecy::ExposeSecret;
use sejour_core::{AppError, Clock, IdGenerator};
use sejour_infrastructure::secrets;
use sejour_infrastructure::{config::Settings, rate_limit::RateLimiter};
use sejour_users::application::directory::UserDirectory;
use sqlx::PgPool;

use super::{jwt::JwtAccessTokens, password_hasher::Argon2Hasher};
use crate::application::{Auth, AuthPolicy};

/// The rate-limit window of sign-ins and reset requests.
const WINDOW: Duration = Duration::from_secs(15 * 60);

/// The auth context over the given adapters, with lifetimes and limits from `settings`.
pub fn auth_from_settings(
    settings: &Settings,
    pool: PgPool,
    clock: Arc<dyn Clock>,
    ids: Arc<dyn IdGenerator>,
    users: Arc<dyn UserDirectory>,
    limiter: Arc<dyn RateLimiter>,
) -> Result<Auth, AppError> {
    let secret = jwt_secret(settings)?;
    Ok(Auth {
        pool,
        clock,
        ids,
        users,
        hasher: Arc::new(Argon2Hasher::new()?),
        tokens: Arc::new(JwtAccessTokens::new(&secret)),
        limiter,
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
