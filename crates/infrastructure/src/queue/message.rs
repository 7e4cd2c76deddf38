//! A message as consumers see it: an event or a job, with its envelope.

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::ConsumerError;

/// Whether a message is a domain event (fanned out to subscribers) or a job (one handler).
#[derive(Debug, Clone, Copy, PartialEq, Eq, utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum MessageKind {
    /// A past-tense business fact.
    Event,
    /// Work to do.
    Job,
}

impl MessageKind {
    /// The value stored in `queue.messages.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::Event => "event",
            MessageKind::Job => "job",
        }
    }
}

/// A stored message with its metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// The message id (UUIDv7).
    pub id: Uuid,
    /// Event or job.
    pub kind: MessageKind,
    /// The event type or job name.
    pub message_type: String,
    /// The aggregate's type, for events.
    pub aggregate_type: Option<String>,
    /// The aggregate's id, for events.
    pub aggregate_id: Option<String>,
    /// The payload schema version.
    pub version: i32,
    /// The payload.
    pub payload: serde_json::Value,
    /// When it happened (events) or was requested (jobs).
    pub occurred_at: DateTime<Utc>,
    /// Ties together everything caused by one original request.
    pub correlation_id: Option<String>,
    /// The request or message that caused it.
    pub causation_id: Option<String>,
    /// Who caused it.
    pub actor: Option<String>,
    /// The client address of the request that caused it.
    pub ip: Option<String>,
}

impl Message {
    /// Decodes the payload; a payload that does not decode will never decode, so the
    /// error is permanent (straight to the dead letters).
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, ConsumerError> {
        serde_json::from_value(self.payload.clone()).map_err(|e| {
            ConsumerError::Permanent(format!(
                "payload of {} does not decode: {e}",
                self.message_type
            ))
        })
    }
}
