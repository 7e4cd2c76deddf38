//! The owners context's published interface: what other contexts (properties, and
//! later reporting) may ask of it. Wired by the composition root; callers depend on
//! this trait, never on our tables.

use async_trait::async_trait;
use sejour_core::{Actor, AppError, Role};
use uuid::Uuid;

use crate::published_language::MoneyModel;

/// The money terms of an owner's mandate, for the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MandateTerms {
    /// The agency's commission on the owner's rent, in basis points.
    pub commission_bp: u32,
    /// Who collects the rent.
    pub money_model: MoneyModel,
}

/// Who an owner is on the documents the agency sends them (its invoices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerIdentity {
    /// A person's first and last name, or a company's legal name.
    pub name: String,
    /// The postal address, on one line.
    pub address: String,
    /// Its country (ISO 3166 alpha-2).
    pub country: String,
    /// Email.
    pub email: String,
    /// A company's SIREN (the first 9 digits of its SIRET); none for a person.
    pub siren: Option<String>,
    /// A company's intra-EU VAT number, if it has one.
    pub vat_number: Option<String>,
}

/// Owners, for other contexts.
#[async_trait]
pub trait OwnerDirectory: Send + Sync + 'static {
    /// The owner the user account stands for (linked to it; role `owner`), if any: how
    /// another context turns a signed-in owner into "their" owner id.
    async fn owner_of_user(&self, user_id: Uuid) -> Result<Option<Uuid>, AppError>;

    /// The owner a signed-in `actor` stands for: only a user with the role `owner` does.
    async fn owner_of_actor(&self, actor: &Actor) -> Result<Option<Uuid>, AppError> {
        match actor {
            Actor::User {
                id,
                role: Role::Owner,
            } => self.owner_of_user(*id).await,
            _ => Ok(None),
        }
    }

    /// Whether an owner with this id exists (say, before a property is given to it).
    async fn exists(&self, owner_id: Uuid) -> Result<bool, AppError>;

    /// The money terms of an owner's mandate; `None` for an unknown owner.
    async fn terms(&self, owner_id: Uuid) -> Result<Option<MandateTerms>, AppError>;

    /// Who an owner is, to bill them; `None` for an unknown owner.
    async fn identity(&self, owner_id: Uuid) -> Result<Option<OwnerIdentity>, AppError>;
}
