//! What every auth use case is given: the adapters and the policy settings.

use std::{sync::Arc, time::Duration};

use sejour_core::{AppError, Clock, Ctx, FieldError, IdGenerator, Tx, UnitOfWork};
use sejour_users::application::directory::UserDirectory;

use super::ports::{
    AccessTokens, AttemptLimiter, AuthOutbox, MailQueue, PasswordHasher, SecretTokens,
};
use crate::domain::{
    AuthEvent, CredentialRepository, PasswordResetRepository, SessionRepository,
    password_must_be_strong,
};

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

/// The auth context's use cases and the ports they run on, built once by the
/// composition root (`crate::auth`).
#[derive(Clone)]
pub struct Auth {
    /// Business transactions.
    pub uow: Arc<dyn UnitOfWork>,
    /// Password hashes.
    pub credentials: Arc<dyn CredentialRepository>,
    /// Sessions and refresh tokens.
    pub sessions: Arc<dyn SessionRepository>,
    /// Password-reset tokens.
    pub resets: Arc<dyn PasswordResetRepository>,
    /// The events' outbox.
    pub outbox: Arc<dyn AuthOutbox>,
    /// Outgoing email.
    pub mail: Arc<dyn MailQueue>,
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
    /// Opaque refresh and reset tokens.
    pub secrets: Arc<dyn SecretTokens>,
    /// Rate limits.
    pub limiter: Arc<dyn AttemptLimiter>,
    /// Lifetimes and limits.
    pub policy: AuthPolicy,
}

impl Auth {
    /// Writes `event` on the outbox inside the caller's transaction.
    pub(crate) async fn publish(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        event: AuthEvent,
    ) -> Result<(), AppError> {
        self.outbox.publish(tx, ctx, &event).await
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
