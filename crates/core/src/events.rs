//! Domain events: past-tense facts, carried in an [`EventEnvelope`] onto the outbox.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Clock, Ctx, IdGenerator};

/// A fact that happened to an aggregate. Implemented by each context's event enum.
pub trait DomainEvent: Serialize + Send + Sync {
    /// The event's stable type name, e.g. `reservations.ReservationCreated`.
    fn event_type(&self) -> &'static str;
    /// The aggregate's type, e.g. `reservation`.
    fn aggregate_type(&self) -> &'static str;
    /// The aggregate's id.
    fn aggregate_id(&self) -> String;
    /// The payload schema version; bump when the payload changes shape.
    fn schema_version(&self) -> i32 {
        1
    }
}

/// An event with its metadata, as stored on the outbox and handed to consumers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventEnvelope {
    /// The event's id (UUIDv7).
    pub id: Uuid,
    /// The event's type name.
    pub event_type: String,
    /// The aggregate's type.
    pub aggregate_type: String,
    /// The aggregate's id.
    pub aggregate_id: String,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// The payload schema version.
    pub version: i32,
    /// The event itself, as JSON.
    pub payload: serde_json::Value,
    /// The id tying together everything caused by one original request.
    pub correlation_id: Option<String>,
    /// The id of the message or request that caused this event.
    pub causation_id: Option<String>,
    /// Who caused it (the actor's label).
    pub actor: Option<String>,
    /// The client address of the request that caused it, for the audit trail.
    pub ip: Option<String>,
}

impl EventEnvelope {
    /// Wraps `event`, stamping id, time and the context's correlation.
    pub fn wrap<E: DomainEvent>(
        event: &E,
        ctx: &Ctx,
        clock: &dyn Clock,
        ids: &dyn IdGenerator,
    ) -> Result<Self, serde_json::Error> {
        Ok(Self {
            id: ids.new_id(),
            event_type: event.event_type().to_owned(),
            aggregate_type: event.aggregate_type().to_owned(),
            aggregate_id: event.aggregate_id(),
            occurred_at: clock.now(),
            version: event.schema_version(),
            payload: serde_json::to_value(event)?,
            correlation_id: Some(ctx.correlation_id.clone()),
            causation_id: Some(
                ctx.causation_id
                    .clone()
                    .unwrap_or_else(|| ctx.request_id.clone()),
            ),
            actor: Some(ctx.actor.label()),
            ip: ctx.ip.map(|ip| ip.to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{UuidV7Generator, ports::ManualClock};

    #[derive(Serialize)]
    struct Happened {
        thing: Uuid,
    }

    impl DomainEvent for Happened {
        fn event_type(&self) -> &'static str {
            "test.Happened"
        }
        fn aggregate_type(&self) -> &'static str {
            "thing"
        }
        fn aggregate_id(&self) -> String {
            self.thing.to_string()
        }
    }

    #[test]
    fn wrap_stamps_metadata_from_the_context_and_the_clock() {
        let now = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let clock = ManualClock::new(now);
        let ctx = Ctx::system("test", "req-1".into());
        let thing = Uuid::now_v7();
        let env = EventEnvelope::wrap(&Happened { thing }, &ctx, &clock, &UuidV7Generator)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(env.event_type, "test.Happened");
        assert_eq!(env.aggregate_id, thing.to_string());
        assert_eq!(env.occurred_at, now);
        assert_eq!(env.correlation_id.as_deref(), Some("req-1"));
        assert_eq!(env.causation_id.as_deref(), Some("req-1"));
        assert_eq!(env.payload["thing"], serde_json::json!(thing));
    }
}
