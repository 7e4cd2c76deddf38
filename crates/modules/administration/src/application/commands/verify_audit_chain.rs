//! Verify the audit log's hash chain from its first row to its last.

use std::sync::Arc;

use crate::application::AuditLog;

use sejour_core::AppError;

use crate::domain::{ChainBroken, GENESIS_HASH, verify_chain};

/// Rows read per round trip while walking the chain.
pub const BATCH_SIZE: i64 = 1000;

/// What verifying the chain found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainVerdict {
    /// Every row links to the one before it and matches its hash.
    Intact {
        /// How many rows were checked.
        rows: u64,
        /// The last row's hash ([`GENESIS_HASH`] for an empty log). Record it elsewhere:
        /// a later verification whose chain no longer contains it reveals rows removed
        /// from the end of the log.
        head: String,
    },
    /// The first row that does not verify.
    Broken(ChainBroken),
}

/// Verifies the audit log's chain.
#[derive(Clone)]
pub struct VerifyAuditChainHandler {
    audit: Arc<AuditLog>,
}

impl VerifyAuditChainHandler {
    /// The use case on `audit`.
    pub fn new(audit: Arc<AuditLog>) -> Self {
        Self { audit }
    }

    /// Walks the whole audit log in seq order, [`BATCH_SIZE`] rows at a time, and
    /// reports the row count, or the first row where the chain is broken. Rows appended
    /// while it runs are checked too, up to the moment the last batch is read.
    pub async fn handle(&self) -> Result<ChainVerdict, AppError> {
        let mut after_seq = 0;
        let mut head = GENESIS_HASH.to_owned();
        let mut rows: u64 = 0;
        loop {
            let batch = self.audit.batch(after_seq, BATCH_SIZE).await?;
            let Some(last) = batch.last() else {
                break;
            };
            after_seq = last.seq;
            let len = u64::try_from(batch.len()).unwrap_or(u64::MAX);
            match verify_chain(batch, head) {
                Ok(last_hash) => head = last_hash,
                Err(broken) => {
                    tracing::error!(seq = broken.seq, reason = %broken.reason, "audit chain broken");
                    return Ok(ChainVerdict::Broken(broken));
                }
            }
            rows += len;
        }
        Ok(ChainVerdict::Intact { rows, head })
    }
}
