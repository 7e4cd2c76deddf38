//! What the auth use cases need from the outside, implemented in `infrastructure/`.

use chrono::{DateTime, Utc};
use sejour_core::{AppError, Role};
use uuid::Uuid;

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
