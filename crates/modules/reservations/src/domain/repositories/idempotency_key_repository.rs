//! `IdempotencyKeyRepository`: the `Idempotency-Key`s of creates and their first
//! response.
//!
//! The key is claimed inside the create's transaction, before anything else is written:
//! a concurrent request with the same key waits until the first commits (then replays
//! its response) or rolls back (then goes ahead itself). A failed create leaves no key
//! behind, so the client may retry it.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Tx};
use uuid::Uuid;

/// What a claimed key found.
#[derive(Debug, Clone, PartialEq)]
pub enum Claim<R> {
    /// The key is new: go ahead, then record the response.
    New,
    /// The same request was done before: its response.
    Replay(R),
    /// The key was used for another request.
    Mismatch,
}

/// The keys, per caller (`scope`).
#[async_trait]
pub trait IdempotencyKeyRepository: Send + Sync + 'static {
    /// A response, as the adapter stores it.
    type Response: Send + Sync + 'static;

    /// Claims `key` for `scope` and a request hashed `request_hash`, in `tx`.
    async fn claim(
        &self,
        tx: &mut Tx,
        scope: &str,
        key: &str,
        request_hash: &str,
        reservation_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Claim<Self::Response>, AppError>;

    /// Records the response of the request that claimed `key`, in its transaction.
    async fn record(
        &self,
        tx: &mut Tx,
        scope: &str,
        key: &str,
        response: &Self::Response,
    ) -> Result<(), AppError>;

    /// Forgets keys claimed before `before`; returns how many.
    async fn purge(&self, before: DateTime<Utc>) -> Result<u64, AppError>;
}
