//! The facts the [`super::Owner`] aggregate publishes on the outbox (and hence in the
//! audit trail, which records every event with its actor, request and IP).
//!
//! Payloads are the [`crate::published_language`] structs, camelCase JSON objects (no
//! tag: the envelope's `type` says which event it is), e.g. `owners.OwnerUpdated`:
//! `{"ownerId": "…", "fields": ["iban", "mandate.moneyModel"]}`. They name what changed, never
//! the values: an IBAN in particular never travels in an event.

use sejour_core::DomainEvent;
use serde::Serialize;
use uuid::Uuid;

pub use crate::published_language::{
    OwnerCreated, OwnerField, OwnerLinkedToUser, OwnerUnlinkedFromUser, OwnerUpdated,
};

/// Something that happened to an owner; each carries its published payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum OwnerEvent {
    /// `owners.OwnerCreated`: staff recorded a new owner.
    OwnerCreated(OwnerCreated),
    /// `owners.OwnerUpdated`: staff changed the owner's details.
    OwnerUpdated(OwnerUpdated),
    /// `owners.OwnerLinkedToUser`: a user account (role `owner`) now stands for the owner
    /// and may read their record.
    OwnerLinkedToUser(OwnerLinkedToUser),
    /// `owners.OwnerUnlinkedFromUser`: the account no longer stands for the owner.
    OwnerUnlinkedFromUser(OwnerUnlinkedFromUser),
}

impl OwnerEvent {
    /// Type name of [`OwnerEvent::OwnerCreated`].
    pub const OWNER_CREATED: &'static str = "owners.OwnerCreated";
    /// Type name of [`OwnerEvent::OwnerUpdated`].
    pub const OWNER_UPDATED: &'static str = "owners.OwnerUpdated";
    /// Type name of [`OwnerEvent::OwnerLinkedToUser`].
    pub const OWNER_LINKED_TO_USER: &'static str = "owners.OwnerLinkedToUser";
    /// Type name of [`OwnerEvent::OwnerUnlinkedFromUser`].
    pub const OWNER_UNLINKED_FROM_USER: &'static str = "owners.OwnerUnlinkedFromUser";
    /// The aggregate type of every owner event.
    pub const AGGREGATE_TYPE: &'static str = "owner";

    /// Every event type this context publishes, for subscriptions.
    pub const TYPES: [&'static str; 4] = [
        Self::OWNER_CREATED,
        Self::OWNER_UPDATED,
        Self::OWNER_LINKED_TO_USER,
        Self::OWNER_UNLINKED_FROM_USER,
    ];

    /// The owner the event is about.
    pub fn owner_id(&self) -> Uuid {
        match self {
            OwnerEvent::OwnerCreated(OwnerCreated { owner_id, .. })
            | OwnerEvent::OwnerUpdated(OwnerUpdated { owner_id, .. })
            | OwnerEvent::OwnerLinkedToUser(OwnerLinkedToUser { owner_id, .. })
            | OwnerEvent::OwnerUnlinkedFromUser(OwnerUnlinkedFromUser { owner_id, .. }) => {
                *owner_id
            }
        }
    }
}

impl DomainEvent for OwnerEvent {
    fn event_type(&self) -> &'static str {
        match self {
            OwnerEvent::OwnerCreated(_) => Self::OWNER_CREATED,
            OwnerEvent::OwnerUpdated(_) => Self::OWNER_UPDATED,
            OwnerEvent::OwnerLinkedToUser(_) => Self::OWNER_LINKED_TO_USER,
            OwnerEvent::OwnerUnlinkedFromUser(_) => Self::OWNER_UNLINKED_FROM_USER,
        }
    }

    fn aggregate_type(&self) -> &'static str {
        Self::AGGREGATE_TYPE
    }

    fn aggregate_id(&self) -> String {
        self.owner_id().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::published_language::{MoneyModel, OwnerKindTag};

    #[test]
    fn given_each_event_when_asking_its_metadata_then_owners_types_on_the_owner_aggregate() {
        let (owner_id, user_id) = (Uuid::from_u128(7), Uuid::from_u128(8));
        let events = [
            OwnerEvent::OwnerCreated(OwnerCreated {
                owner_id,
                kind: OwnerKindTag::Company,
                money_model: MoneyModel::Mandate,
            }),
            OwnerEvent::OwnerUpdated(OwnerUpdated {
                owner_id,
                fields: vec![OwnerField::Iban],
            }),
            OwnerEvent::OwnerLinkedToUser(OwnerLinkedToUser { owner_id, user_id }),
            OwnerEvent::OwnerUnlinkedFromUser(OwnerUnlinkedFromUser { owner_id, user_id }),
        ];
        let types: Vec<&str> = events.iter().map(DomainEvent::event_type).collect();
        assert_eq!(types, OwnerEvent::TYPES);
        for event in &events {
            assert_eq!(event.aggregate_type(), "owner");
            assert_eq!(event.aggregate_id(), owner_id.to_string());
        }
    }
}
