//! Who may see and manage which property: the policy every handler of this context
//! calls (DESIGN.md §4, object-level checks).

use std::sync::Arc;

use sejour_core::{Actor, AppError, authz};
use sejour_owners::application::directory::OwnerDirectory;

use crate::domain::{
    calendar::OccupationKind,
    property::{Property, PropertyStatus},
};

/// How much of a property a caller sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Staff, or an owner of the property: everything.
    Full,
    /// Anyone else: a published property's public face, no owner data.
    Public,
}

/// Resolves the caller's rights over properties.
#[derive(Clone)]
pub struct Access {
    owners: Arc<dyn OwnerDirectory>,
}

impl Access {
    /// The policy, asking the owners context who owns what.
    pub fn new(owners: Arc<dyn OwnerDirectory>) -> Self {
        Self { owners }
    }

    /// Staff only (admin, manager): 401/403 otherwise.
    pub fn require_manager(&self, actor: &Actor) -> Result<(), AppError> {
        authz::require_staff(actor).map(|_| ())
    }

    /// The owner record of the signed-in user, if they are an owner.
    pub async fn owner_of(&self, actor: &Actor) -> Result<Option<uuid::Uuid>, AppError> {
        self.owners.owner_of_actor(actor).await
    }

    /// What `actor` may see of `property`; 404 `property.not_found` when nothing.
    pub async fn view(&self, actor: &Actor, property: &Property) -> Result<View, AppError> {
        if let Actor::User { role, .. } = actor
            && role.is_staff()
        {
            return Ok(View::Full);
        }
        if let Some(owner) = self.owner_of(actor).await?
            && property.is_owned_by(owner)
        {
            return Ok(View::Full);
        }
        if property.status == PropertyStatus::Published {
            Ok(View::Public)
        } else {
            Err(AppError::not_found("property"))
        }
    }

    /// Who may put or lift a block of `kind` on `property`'s calendar: staff any block, an
    /// owner of the property their own stays (`owner_stay`) only. 401 anonymous, 404 when
    /// the caller may not see the property in full, 403 for an owner and another kind.
    pub async fn require_block_rights(
        &self,
        actor: &Actor,
        property: &Property,
        kind: OccupationKind,
    ) -> Result<(), AppError> {
        let (_, role) = authz::require_user(actor)?;
        if role.is_staff() {
            return Ok(());
        }
        self.require_full_view(actor, property).await?;
        if kind == OccupationKind::OwnerStay {
            Ok(())
        } else {
            Err(AppError::forbidden())
        }
    }

    /// Staff, or an owner of `property` (read-only rights such as the full calendar).
    pub async fn require_full_view(
        &self,
        actor: &Actor,
        property: &Property,
    ) -> Result<(), AppError> {
        match self.view(actor, property).await? {
            View::Full => Ok(()),
            View::Public => Err(AppError::not_found("property")),
        }
    }
}
