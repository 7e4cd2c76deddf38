//! The facts the [`super::Owner`] aggregate publishes on the outbox (and hence in the
//! audit trail, which records every event with its actor, request and IP).
//!
//! Payloads are camelCase JSON objects with the variant's fields (no tag: the envelope's
//! `type` says which event it is), e.g. `owners.OwnerUpdated`:
//! `{"ownerId": "…", "fields": ["iban", "mandate.moneyModel"]}`. They name what changed, never
//! the values: an IBAN in particular never travels in an event.

use sejour_core::DomainEvent;
use serde::Serialize;
use uuid::Uuid;

use super::{kind::OwnerKindTag, mandate::MoneyModel};

/// A field of an owner, named in `owners.OwnerUpdated` when it changed, as the API
/// names it (`firstName`, `iban`, `mandate.moneyModel`...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum OwnerField {
    /// `kind`: person became company, or the reverse.
    Kind,
    /// `firstName`.
    FirstName,
    /// `lastName`.
    LastName,
    /// `legalName`.
    LegalName,
    /// `siret`.
    Siret,
    /// `vatNumber`.
    VatNumber,
    /// `email`.
    Email,
    /// `phone`.
    Phone,
    /// `address`.
    Address,
    /// `iban` (the name only: the number is never in an event).
    Iban,
    /// `mandate.commissionBasisPoints`.
    #[serde(rename = "mandate.commissionBasisPoints")]
    CommissionBasisPoints,
    /// `mandate.startDate`.
    #[serde(rename = "mandate.startDate")]
    MandateStartDate,
    /// `mandate.moneyModel`.
    #[serde(rename = "mandate.moneyModel")]
    MoneyModel,
}

/// Something that happened to an owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged, rename_all_fields = "camelCase")]
pub enum OwnerEvent {
    /// `owners.OwnerCreated`: staff recorded a new owner.
    OwnerCreated {
        /// The new owner.
        owner_id: Uuid,
        /// Person or company.
        kind: OwnerKindTag,
        /// Who collects the rent.
        money_model: MoneyModel,
    },
    /// `owners.OwnerUpdated`: staff changed the owner's details.
    OwnerUpdated {
        /// The owner.
        owner_id: Uuid,
        /// The fields that changed, in a stable order.
        fields: Vec<OwnerField>,
    },
    /// `owners.OwnerLinkedToUser`: a user account (role `owner`) now stands for the owner
    /// and may read their record.
    OwnerLinkedToUser {
        /// The owner.
        owner_id: Uuid,
        /// The account.
        user_id: Uuid,
    },
    /// `owners.OwnerUnlinkedFromUser`: the account no longer stands for the owner.
    OwnerUnlinkedFromUser {
        /// The owner.
        owner_id: Uuid,
        /// The account that was linked.
        user_id: Uuid,
    },
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
            OwnerEvent::OwnerCreated { owner_id, .. }
            | OwnerEvent::OwnerUpdated { owner_id, .. }
            | OwnerEvent::OwnerLinkedToUser { owner_id, .. }
            | OwnerEvent::OwnerUnlinkedFromUser { owner_id, .. } => *owner_id,
        }
    }
}

impl DomainEvent for OwnerEvent {
    fn event_type(&self) -> &'static str {
        match self {
            OwnerEvent::OwnerCreated { .. } => Self::OWNER_CREATED,
            OwnerEvent::OwnerUpdated { .. } => Self::OWNER_UPDATED,
            OwnerEvent::OwnerLinkedToUser { .. } => Self::OWNER_LINKED_TO_USER,
            OwnerEvent::OwnerUnlinkedFromUser { .. } => Self::OWNER_UNLINKED_FROM_USER,
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

    #[test]
    fn given_each_event_when_asking_its_metadata_then_owners_types_on_the_owner_aggregate() {
        let (owner_id, user_id) = (Uuid::from_u128(7), Uuid::from_u128(8));
        let events = [
            OwnerEvent::OwnerCreated {
                owner_id,
                kind: OwnerKindTag::Company,
                money_model: MoneyModel::Mandate,
            },
            OwnerEvent::OwnerUpdated {
                owner_id,
                fields: vec![OwnerField::Iban],
            },
            OwnerEvent::OwnerLinkedToUser { owner_id, user_id },
            OwnerEvent::OwnerUnlinkedFromUser { owner_id, user_id },
        ];
        let types: Vec<&str> = events.iter().map(DomainEvent::event_type).collect();
        assert_eq!(types, OwnerEvent::TYPES);
        for event in &events {
            assert_eq!(event.aggregate_type(), "owner");
            assert_eq!(event.aggregate_id(), owner_id.to_string());
        }
    }
}
