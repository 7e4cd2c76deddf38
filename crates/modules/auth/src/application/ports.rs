//! What the auth use cases need from the outside, implemented in `infrastructure/`.

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Ctx, Role, Tx};
use uuid::Uuid;

use crate::domain::AuthEvent;

/// Hashes and verifies passwords.
pub trait PasswordHasher: Send + Sync + 'static {
    /// A salted hash of `password`.
    fn hash(&self, password: &str) -> Result<String, AppError>;
    /// Whether `password` matches `hash`; with `None`, does the same work and says no
    /// (so that unknown accounts take as long as wrong passwords).
    fn verify(&self, password: &str, hash: Option<&str>) -> bool;
}

/// What an access token asserts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessClaims {
    /// The user.
    pub user_id: Uuid,
    /// The session (refresh-token family) it was issued in.
    pub session_id: Uuid,
    /// The role at issue time (informative: requests use the current role).
    pub role: Role,
    /// When it was issued.
    pub issued_at: DateTime<Utc>,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
}

/// Issues and verifies access tokens.
pub trait AccessTokens: Send + Sync + 'static {
    /// A signed token for `claims`.
    fn issue(&self, claims: &AccessClaims) -> Result<String, AppError>;
    /// The claims of a valid, unexpired token.
    fn verify(&self, token: &str, now: DateTime<Utc>) -> Option<AccessClaims>;
}

/// Opaque one-time tokens (refresh, password reset): random, URL-safe, stored only as
/// hashes.
pub trait SecretTokens: Send + Sync + 'static {
    /// A new random token.
    fn new_token(&self) -> String;
    /// The stored form of `token`.
    fn hash(&self, token: &str) -> String;
}

/// What [`AttemptLimiter::hit`] decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// Go ahead.
    Allowed,
    /// Refused until the window ends, after `retry_after`.
    Limited {
        /// Time left in the window.
        retry_after: Duration,
    },
}

/// Counts attempts per key in fixed windows (sign-ins, reset requests).
#[async_trait]
pub trait AttemptLimiter: Send + Sync + 'static {
    /// Counts one attempt on `key`; beyond `limit` in `window` it is limited.
    async fn hit(&self, key: &str, limit: u32, window: Duration) -> Result<Attempt, AppError>;
    /// Forgets `key` (the failure count after a successful sign-in).
    async fn reset(&self, key: &str) -> Result<(), AppError>;
}

pub use sejour_core::mail::{MailMessage, MailQueue};

/// The outbox of the auth events, written in the caller's transaction.
#[async_trait]
pub trait AuthOutbox: Send + Sync + 'static {
    /// Writes `event` on the outbox in `tx`.
    async fn publish(&self, tx: &mut Tx, ctx: &Ctx, event: &AuthEvent) -> Result<(), AppError>;
}
