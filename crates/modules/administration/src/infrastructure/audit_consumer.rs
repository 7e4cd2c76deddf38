//! The audit trail of domain events: one audit row per event on the outbox.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::{Clock, IdGenerator};
use sejour_infrastructure::queue::{Consumer, ConsumerError, Delivery, Message, Subscription};

use crate::{
    application::AuditEntry, infrastructure::repositories::pg_audit_log_repository as audit_log,
};

/// The actor recorded when an event names none.
pub const UNKNOWN_ACTOR: &str = "unknown";

/// Records every domain event in the audit log, exactly once per event.
///
/// The row's id is the event's id, its action the event type, its target the event's
/// aggregate, `after` the (redacted) payload, and its request id the event's causation
/// id. The row and the delivery's completion commit together ([`Delivery::once`]), so a
/// redelivered event adds nothing.
#[doc(alias = "AuditService")]
pub struct AuditTrail {
    clock: Arc<dyn Clock>,
    ids: Arc<dyn IdGenerator>,
}

impl AuditTrail {
    /// The consumer's stable name.
    pub const NAME: &'static str = "administration.audit";

    /// An audit trail stamping rows with `clock` and `ids` when an event lacks them.
    pub fn new(clock: Arc<dyn Clock>, ids: Arc<dyn IdGenerator>) -> Self {
        Self { clock, ids }
    }

    /// The audit entry describing `message`.
    pub fn entry_for(message: &Message) -> AuditEntry {
        AuditEntry {
            action: message.message_type.clone(),
            target_type: message
                .aggregate_type
                .clone()
                .unwrap_or_else(|| message.kind.as_str().to_owned()),
            target_id: message.aggregate_id.clone(),
            before: None,
            after: Some(message.payload.clone()),
            actor: message
                .actor
                .clone()
                .unwrap_or_else(|| UNKNOWN_ACTOR.to_owned()),
            actor_role: None,
            request_id: message.causation_id.clone(),
            ip: message.ip.as_deref().and_then(|ip| ip.parse().ok()),
            correlation_id: message.correlation_id.clone(),
            id: Some(message.id),
            occurred_at: Some(message.occurred_at),
        }
    }
}

impl std::fmt::Debug for AuditTrail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditTrail").finish_non_exhaustive()
    }
}

#[async_trait]
impl Consumer for AuditTrail {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        vec![Subscription::AllEvents]
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        let Some(mut tx) = delivery.once().await? else {
            tracing::debug!(message = %delivery.message.id, "event already audited");
            return Ok(());
        };
        let entry = Self::entry_for(&delivery.message);
        let record =
            audit_log::append(&mut tx, self.clock.as_ref(), self.ids.as_ref(), entry).await?;
        tx.commit().await?;
        tracing::debug!(seq = record.seq, action = %record.action, "event audited");
        Ok(())
    }
}
