//! The outgoing-mail port: an email queued in the caller's transaction, sent only if it
//! commits. Implemented by `sejour_infrastructure::mail::QueuedMail` (the `mail.send`
//! job); used by every context that writes to people.

use async_trait::async_trait;

use crate::{AppError, Ctx, Tx};

/// An email to send: one recipient, a subject, a plain-text body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailMessage {
    /// The recipient's address.
    pub to: String,
    /// The subject.
    pub subject: String,
    /// The plain-text body.
    pub text: String,
}

/// Outgoing email, queued in the caller's transaction: sent only if it commits.
#[async_trait]
pub trait MailQueue: Send + Sync + 'static {
    /// Queues `message` in `tx`.
    async fn enqueue(&self, tx: &mut Tx, ctx: &Ctx, message: &MailMessage) -> Result<(), AppError>;
}
