//! The auth application's ports on the platform's adapters: opaque tokens, the rate
//! limiter and the outbox (the mail queue is the platform's `QueuedMail`).

use std::{sync::Arc, time::Duration};

use async_trait::async_trait;
use sejour_core::{AppError, Ctx, Tx};
use sejour_infrastructure::{
    rate_limit::{RateDecision, RateLimiter},
    secrets,
    store::{Store, pg},
};

use crate::{
    application::ports::{Attempt, AttemptLimiter, AuthOutbox, SecretTokens},
    domain::AuthEvent,
};

/// Random base64url tokens, stored as hex SHA-256.
#[derive(Debug, Clone, Copy, Default)]
pub struct RandomSecretTokens;

impl SecretTokens for RandomSecretTokens {
    fn new_token(&self) -> String {
        secrets::new_token()
    }

    fn hash(&self, token: &str) -> String {
        secrets::token_hash(token)
    }
}

/// Attempts counted by the platform's [`RateLimiter`] (Redis, or in process).
pub struct RateLimitedAttempts(pub Arc<dyn RateLimiter>);

#[async_trait]
impl AttemptLimiter for RateLimitedAttempts {
    async fn hit(&self, key: &str, limit: u32, window: Duration) -> Result<Attempt, AppError> {
        match self.0.hit(key, limit, window).await {
            Ok(RateDecision::Allowed { .. }) => Ok(Attempt::Allowed),
            Ok(RateDecision::Limited { retry_after }) => Ok(Attempt::Limited { retry_after }),
            Err(e) => Err(AppError::unavailable(e)),
        }
    }

    async fn reset(&self, key: &str) -> Result<(), AppError> {
        self.0.reset(key).await.map_err(AppError::unavailable)
    }
}

/// The auth events on the platform's outbox, in the caller's transaction.
pub struct PgAuthOutbox {
    store: Store,
}

impl PgAuthOutbox {
    /// The outbox of `store` (its clock and ids stamp the envelopes).
    pub fn new(store: Store) -> Self {
        Self { store }
    }
}

#[async_trait]
impl AuthOutbox for PgAuthOutbox {
    async fn publish(&self, tx: &mut Tx, ctx: &Ctx, event: &AuthEvent) -> Result<(), AppError> {
        self.store.publish(pg(tx)?, ctx, event).await
    }
}
