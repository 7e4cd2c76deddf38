//! Outgoing email: the [`Mailer`] port, its adapters ([`SmtpMailer`], [`FileMailer`]) and
//! the `mail.send` job that delivers an [`OutgoingEmail`] after the business transaction
//! that asked for it commits.
//!
//! Contexts never send directly: they call [`enqueue_email`] inside their transaction, and
//! the [`SendEmail`] consumer sends it. Delivery is at-least-once: if the SMTP server
//! accepted a message but the worker died before recording it, the message is sent again.

use std::{
    path::{Path, PathBuf},
    sync::Arc,
    time::Duration,
};

use async_trait::async_trait;
use chrono::Utc;
use lettre::{
    Address, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{
        Mailbox, MultiPart, SinglePart,
        header::{HeaderName, HeaderValue},
    },
};
use secrecy::ExposeSecret;
use sejour_core::{
    AppError, Clock, Ctx, IdGenerator, Tx,
    mail::{MailMessage, MailQueue},
    value_objects::Email,
};
use serde::{Deserialize, Serialize};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::{
    config::Settings,
    db::StorageResult,
    queue::{self, Consumer, ConsumerError, Delivery, JobRequest, Subscription},
    store::{Store, pg},
};

/// The name of the job that sends one [`OutgoingEmail`].
pub const SEND_EMAIL_JOB: &str = "mail.send";

/// How long the SMTP client waits for the server at each step, by default.
pub const DEFAULT_SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// An email to send: one recipient, a subject, a plain-text body and an optional HTML
/// alternative. Serialized in camelCase as the `mail.send` job's payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutgoingEmail {
    /// The recipient's address (checked with [`Email`]).
    pub to: String,
    /// The subject, any Unicode; line breaks are replaced by spaces.
    pub subject: String,
    /// The plain-text body, always sent.
    pub text: String,
    /// An HTML version; when given the message is `multipart/alternative`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
}

impl OutgoingEmail {
    /// A plain-text email to `to`, whose address is checked and normalised.
    pub fn new(
        to: &str,
        subject: impl Into<String>,
        text: impl Into<String>,
    ) -> Result<Self, MailError> {
        let to = Email::parse(to).map_err(|e| MailError::InvalidAddress {
            address: to.to_owned(),
            reason: e.to_string(),
        })?;
        Ok(Self {
            to: to.as_str().to_owned(),
            subject: subject.into(),
            text: text.into(),
            html: None,
        })
    }

    /// The same email with an HTML alternative.
    pub fn with_html(mut self, html: impl Into<String>) -> Self {
        self.html = Some(html.into());
        self
    }
}

/// Why an email was not sent. [`MailError::is_permanent`] tells whether trying again
/// could help; the job retries only the other ones.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The recipient's or sender's address is not valid. Permanent.
    #[error("invalid address {address:?}: {reason}")]
    InvalidAddress {
        /// The address as given.
        address: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The message could not be built. Permanent.
    #[error("invalid message: {0}")]
    InvalidMessage(String),
    /// The server refused the message or a recipient (5xx), or the client gave up on it
    /// (no usable authentication mechanism...). Permanent.
    #[error("refused: {0}")]
    Refused(String),
    /// The mailer's configuration is unusable (bad SMTP URL or sender). Permanent.
    #[error("mail configuration: {0}")]
    Config(String),
    /// The server could not be reached, timed out or answered 4xx, or the file could not
    /// be written. Worth retrying.
    #[error("temporary failure: {0}")]
    Transient(String),
}

impl MailError {
    /// Whether sending the same message again can never succeed.
    pub fn is_permanent(&self) -> bool {
        !matches!(self, MailError::Transient(_))
    }
}

impl From<MailError> for ConsumerError {
    fn from(e: MailError) -> Self {
        if e.is_permanent() {
            ConsumerError::Permanent(e.to_string())
        } else {
            ConsumerError::Retry(e.to_string())
        }
    }
}

/// Sends emails.
#[async_trait]
pub trait Mailer: Send + Sync {
    /// Sends `email`; returns once the server (or the file system) has accepted it.
    async fn send(&self, email: &OutgoingEmail) -> Result<(), MailError>;
}

/// Parses the sender, e.g. `Séjour <no-reply@sejour.example>`.
fn parse_sender(from: &str) -> Result<Mailbox, MailError> {
    from.parse::<Mailbox>()
        .map_err(|e| MailError::Config(format!("invalid sender {from:?} (SEJOUR_MAIL_FROM): {e}")))
}

/// Builds the RFC 5322 message: From, To, Subject (encoded when not ASCII), Date,
/// Message-ID, `Auto-Submitted`, and a text body or a text/HTML alternative.
fn build_message(from: &Mailbox, email: &OutgoingEmail) -> Result<Message, MailError> {
    let invalid = |reason: String| MailError::InvalidAddress {
        address: email.to.clone(),
        reason,
    };
    let to = Email::parse(&email.to).map_err(|e| invalid(e.to_string()))?;
    let to = to
        .as_str()
        .parse::<Address>()
        .map_err(|e| invalid(e.to_string()))?;
    let subject: String = email
        .subject
        .chars()
        .map(|c| if c == '\r' || c == '\n' { ' ' } else { c })
        .collect();
    let message_id = format!("<{}@{}>", Uuid::now_v7().simple(), from.email.domain());
    let builder = Message::builder()
        .from(from.clone())
        .to(Mailbox::new(None, to))
        .subject(subject)
        .date_now()
        .message_id(Some(message_id))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Auto-Submitted"),
            "auto-generated".to_owned(),
        ));
    let built = match &email.html {
        None => builder.singlepart(SinglePart::plain(email.text.clone())),
        Some(html) => builder.multipart(MultiPart::alternative_plain_html(
            email.text.clone(),
            html.clone(),
        )),
    };
    built.map_err(|e| MailError::InvalidMessage(e.to_string()))
}

/// Sends through an SMTP server (the real adapter).
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    /// A mailer for `url`, sending as `from`; `timeout` bounds each exchange with the server.
    ///
    /// URLs follow lettre's rules: `smtp://host[:25]` is plain text,
    /// `smtp://host[:587]?tls=opportunistic` upgrades with STARTTLS when offered,
    /// `?tls=required` insists on it, `smtps://host[:465]` is TLS from the start.
    /// Credentials go in the URL (`smtps://user:password@host`, percent-encoded), and a
    /// path sets the EHLO name. Connections are pooled.
    pub fn from_url(url: &str, from: &str, timeout: Duration) -> Result<Self, MailError> {
        let from = parse_sender(from)?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Config(format!("invalid SMTP URL (SEJOUR_SMTP_URL): {e}")))?
            .timeout(Some(timeout))
            .build();
        Ok(Self { transport, from })
    }
}

/// Sorts lettre's SMTP errors: 5xx replies and client-side refusals are permanent,
/// everything else (4xx, network, TLS, timeouts, garbled replies) transient.
fn classify_smtp(e: &lettre::transport::smtp::Error) -> MailError {
    if e.is_permanent() || e.is_client() {
        MailError::Refused(e.to_string())
    } else {
        MailError::Transient(e.to_string())
    }
}

#[async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, email: &OutgoingEmail) -> Result<(), MailError> {
        let message = build_message(&self.from, email)?;
        self.transport
            .send(message)
            .await
            .map_err(|e| classify_smtp(&e))?;
        tracing::debug!(subject = %email.subject, "email sent over SMTP");
        Ok(())
    }
}

/// Writes each message as an `.eml` file in a directory (the embedded default): open them
/// with any mail client. Names start with the UTC time, so they sort by sending time.
pub struct FileMailer {
    dir: PathBuf,
    from: Mailbox,
}

impl FileMailer {
    /// A mailer writing into `dir` (created now and whenever missing), sending as `from`.
    pub fn new(dir: impl Into<PathBuf>, from: &str) -> Result<Self, MailError> {
        let dir = dir.into();
        let from = parse_sender(from)?;
        std::fs::create_dir_all(&dir).map_err(|e| {
            MailError::Config(format!(
                "cannot create mail directory {}: {e}",
                dir.display()
            ))
        })?;
        Ok(Self { dir, from })
    }

    /// The directory the files are written to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

#[async_trait]
impl Mailer for FileMailer {
    async fn send(&self, email: &OutgoingEmail) -> Result<(), MailError> {
        let message = build_message(&self.from, email)?;
        let io = |what: &str, e: std::io::Error| MailError::Transient(format!("{what}: {e}"));
        tokio::fs::create_dir_all(&self.dir)
            .await
            .map_err(|e| io("creating the mail directory", e))?;
        let name = format!(
            "{}-{}.eml",
            Utc::now().format("%Y%m%dT%H%M%S%.6fZ"),
            Uuid::now_v7().simple()
        );
        let path = self.dir.join(&name);
        // Write then rename, so that a reader never sees half a message.
        let partial = self.dir.join(format!(".{name}.partial"));
        tokio::fs::write(&partial, message.formatted())
            .await
            .map_err(|e| io("writing the message", e))?;
        tokio::fs::rename(&partial, &path)
            .await
            .map_err(|e| io("renaming the message", e))?;
        tracing::info!(path = %path.display(), subject = %email.subject, "email written to a file");
        Ok(())
    }
}

/// The configured mailer: SMTP when `SEJOUR_SMTP_URL` is set, else `.eml` files under
/// `$SEJOUR_DATA_DIR/mail/`. Fails on an unusable URL, sender or directory.
pub fn mailer_from_settings(settings: &Settings) -> Result<Arc<dyn Mailer>, MailError> {
    Ok(match &settings.smtp_url {
        Some(url) => Arc::new(SmtpMailer::from_url(
            url.expose_secret(),
            &settings.mail_from,
            DEFAULT_SMTP_TIMEOUT,
        )?),
        None => Arc::new(FileMailer::new(
            settings.data_dir.join("mail"),
            &settings.mail_from,
        )?),
    })
}

/// Enqueues `email` in the caller's transaction: it is sent only if that transaction
/// commits. Returns the job's message id.
pub async fn enqueue_email(
    conn: &mut PgConnection,
    email: &OutgoingEmail,
    ctx: &Ctx,
    clock: &dyn Clock,
    ids: &dyn IdGenerator,
) -> Result<Uuid, sqlx::Error> {
    let payload = serde_json::to_value(email).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    queue::enqueue(
        conn,
        &JobRequest::new(SEND_EMAIL_JOB, payload),
        ctx,
        clock,
        ids,
    )
    .await
}

/// The `mail.send` job's consumer: decodes the [`OutgoingEmail`] and sends it. Permanent
/// failures (bad address, 5xx) dead-letter at once; transient ones are retried.
#[doc(alias = "SendEmailWorker")]
pub struct SendEmail {
    mailer: Arc<dyn Mailer>,
}

impl SendEmail {
    /// The consumer, sending with `mailer`.
    pub fn new(mailer: Arc<dyn Mailer>) -> Self {
        Self { mailer }
    }
}

#[async_trait]
impl Consumer for SendEmail {
    fn name(&self) -> &'static str {
        "mail.sender"
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        vec![Subscription::Job(SEND_EMAIL_JOB)]
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        let email: OutgoingEmail = delivery.message.decode()?;
        self.mailer.send(&email).await.map_err(ConsumerError::from)
    }
}

/// The [`MailQueue`] port: emails as `mail.send` jobs on the queue, in the caller's
/// transaction.
pub struct QueuedMail {
    store: Store,
}

impl QueuedMail {
    /// The queue of `store` (its clock and ids stamp the jobs).
    pub fn new(store: Store) -> Self {
        Self { store }
    }
}

#[async_trait]
impl MailQueue for QueuedMail {
    async fn enqueue(&self, tx: &mut Tx, ctx: &Ctx, message: &MailMessage) -> Result<(), AppError> {
        let email = OutgoingEmail {
            to: message.to.clone(),
            subject: message.subject.clone(),
            text: message.text.clone(),
            html: None,
        };
        enqueue_email(pg(tx)?, &email, ctx, self.store.clock(), self.store.ids())
            .await
            .storage()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from() -> Mailbox {
        parse_sender("Séjour <no-reply@sejour.localhost>").unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_line_break_in_the_subject_cannot_inject_a_header() {
        let email = OutgoingEmail::new("a@example.com", "Hi\r\nBcc: victim@example.com", "x")
            .unwrap_or_else(|e| panic!("{e}"));
        let raw = build_message(&from(), &email).unwrap_or_else(|e| panic!("{e}"));
        let raw = String::from_utf8_lossy(&raw.formatted()).into_owned();
        assert!(!raw.contains("\r\nBcc:"), "{raw}");
    }

    #[test]
    fn an_invalid_recipient_is_refused_and_permanent() {
        let err = OutgoingEmail::new("not-an-address", "s", "t").err();
        assert!(err.as_ref().is_some_and(MailError::is_permanent), "{err:?}");
        let forged = OutgoingEmail {
            to: "a b@example.com".into(),
            subject: "s".into(),
            text: "t".into(),
            html: None,
        };
        assert!(matches!(
            build_message(&from(), &forged),
            Err(MailError::InvalidAddress { .. })
        ));
    }

    #[test]
    fn the_payload_is_camel_case_and_round_trips() {
        let email = OutgoingEmail::new("a@example.com", "s", "t")
            .unwrap_or_else(|e| panic!("{e}"))
            .with_html("<p>t</p>");
        let json = serde_json::to_value(&email).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            json,
            serde_json::json!({"to": "a@example.com", "subject": "s", "text": "t", "html": "<p>t</p>"})
        );
        let back: OutgoingEmail = serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, email);
    }

    #[test]
    fn a_bad_sender_or_url_is_a_configuration_error() {
        assert!(matches!(
            FileMailer::new(std::env::temp_dir(), "nobody"),
            Err(MailError::Config(_))
        ));
        assert!(matches!(
            SmtpMailer::from_url("ftp://x", "a@example.com", DEFAULT_SMTP_TIMEOUT),
            Err(MailError::Config(_))
        ));
    }
}
