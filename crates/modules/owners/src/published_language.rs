//! What other contexts may use of the owners context without reaching into its domain:
//! the payloads of the events it publishes (camelCase JSON, as on the outbox and in the
//! audit trail) and the enums they carry. Pure: serde and uuid only.
//!
//! Payloads name what changed, never the values: an IBAN in particular never travels in
//! an event.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Which kind of owner, without the details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OwnerKindTag {
    /// A natural person.
    Person,
    /// A company (SCI, SARL, SAS...).
    Company,
}

impl OwnerKindTag {
    /// Every kind.
    pub const ALL: [OwnerKindTag; 2] = [OwnerKindTag::Person, OwnerKindTag::Company];

    /// The stored and serialised name (`person`, `company`).
    pub fn as_str(self) -> &'static str {
        match self {
            OwnerKindTag::Person => "person",
            OwnerKindTag::Company => "company",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<OwnerKindTag> {
        OwnerKindTag::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for OwnerKindTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who collects the rent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MoneyModel {
    /// The agency collects the rent on the owner's behalf (mandat de gestion) and pays
    /// the owner their share, minus its commission: it needs the owner's IBAN.
    Mandate,
    /// The owner collects the rent; the agency invoices its fee (prestation de service).
    Service,
}

impl MoneyModel {
    /// Every model.
    pub const ALL: [MoneyModel; 2] = [MoneyModel::Mandate, MoneyModel::Service];

    /// The stored and serialised name (`mandate`, `service`).
    pub fn as_str(self) -> &'static str {
        match self {
            MoneyModel::Mandate => "mandate",
            MoneyModel::Service => "service",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<MoneyModel> {
        MoneyModel::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// Whether the agency collects the rent and pays the owner out.
    pub fn agency_collects_rent(self) -> bool {
        self == MoneyModel::Mandate
    }
}

impl fmt::Display for MoneyModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A field of an owner, named in `owners.OwnerUpdated` when it changed, as the API
/// names it (`firstName`, `iban`, `mandate.moneyModel`...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// `owners.OwnerCreated`: staff recorded a new owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnerCreated {
    /// The new owner.
    pub owner_id: Uuid,
    /// Person or company.
    pub kind: OwnerKindTag,
    /// Who collects the rent.
    pub money_model: MoneyModel,
}

/// `owners.OwnerUpdated`: staff changed the owner's details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnerUpdated {
    /// The owner.
    pub owner_id: Uuid,
    /// The fields that changed, in a stable order.
    pub fields: Vec<OwnerField>,
}

/// `owners.OwnerLinkedToUser`: a user account (role `owner`) now stands for the owner
/// and may read their record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnerLinkedToUser {
    /// The owner.
    pub owner_id: Uuid,
    /// The account.
    pub user_id: Uuid,
}

/// `owners.OwnerUnlinkedFromUser`: the account no longer stands for the owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnerUnlinkedFromUser {
    /// The owner.
    pub owner_id: Uuid,
    /// The account that was linked.
    pub user_id: Uuid,
}
