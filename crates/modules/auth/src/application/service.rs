//! What every auth use case is given: the adapters and the policy settings.

use std::{sync::Arc, time::Duration};

use sejour_core::{AppError, Clock, Ctx, DomainEvent, EventEnvelope, FieldError, IdGenerator};
use sejour_infrastructure::{queue, rate_limit::RateLimiter};
use sejour_users::application::directory::UserDirectory;
use sqlx::{PgConnection, PgPool};

use super::ports::{AccessTokens, PasswordHasher};
use crate::domain::password_must_be_strong;

/// Lifetimes and limits of the auth flows.
#[derive(Debug, Clone)]
pub struct AuthPolicy {
    /// Access-token lifetime.
    pub access_ttl: chrono::Duration,
    /// Refresh-token lifetime.
    pub refresh_ttl: chrono::Duration,
    /// Password-reset token lifetime.
    pub reset_ttl: chrono::Duration,
    /// Sign-in attempts per account per window (reset by a success).
    pub max_attempts_per_account: u32,
    /// Sign-in attempts per client IP per window.
    pub max_attempts_per_ip: u32,
    /// The rate-limit window.
    pub window: Duration,
    /// The front end's URL, for links in emails.
    pub public_url: String,
}

/// The auth context's dependencies, built once by the composition root.
#[derive(Clone)]
pub struct Auth {
    /// The database.
    pub pool: PgPool,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Identity.
    pub ids: Arc<dyn IdGenerator>,
    /// Accounts (the users context's published interface).
    pub users: Arc<dyn UserDirectory>,
    /// Password hashing.
    pub hasher: Arc<dyn PasswordHasher>,
    /// Access tokens.
    pub tokens: Arc<dyn AccessTokens>,
    /// Rate limits.
    pub limiter: Arc<dyn RateLimiter>,
    /// Lifetimes and limits.
    pub policy: AuthPolicy,
}

impl Auth {
    /// Writes `event` on the outbox inside the caller's transaction.
    pub(crate) async fn publish<E: DomainEvent>(
        &self,
        conn: &mut PgConnection,
        ctx: &Ctx,
        event: &E,
    ) -> Result<(), AppError> {
        let envelope = EventEnvelope::wrap(event, ctx, self.clock.as_ref(), self.ids.as_ref())
            .map_err(AppError::internal)?;
        queue::publish(conn, &envelope)
            .await
            .map_err(AppError::internal)
    }

    /// Checks `password` against the policy and hashes it; 422 naming `field` if weak.
    pub(crate) fn strong_hash(
        &self,
        password: &str,
        email: &str,
        field: &str,
    ) -> Result<String, AppError> {
        password_must_be_strong(password, email).map_err(|weak| {
            AppError::validation(vec![FieldError::new(field, weak.code(), weak.to_string())])
        })?;
        self.hasher.hash(password)
    }
}

pub(crate) use sejour_infrastructure::db::storage_error as storage;
