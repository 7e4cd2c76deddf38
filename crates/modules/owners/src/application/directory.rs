//! The owners context's published interface: what other contexts (properties, and
//! later reporting) may ask of it. Wired by the composition root; callers depend on
//! this trait, never on our tables.

use async_trait::async_trait;
use sejour_core::AppError;
use uuid::Uuid;

/// Owners, for other contexts.
#[async_trait]
pub trait OwnerDirectory: Send + Sync + 'static {
    /// The owner the user account stands for (linked to it; role `owner`), if any: how
    /// another context turns a signed-in owner into "their" owner id.
    async fn owner_of_user(&self, user_id: Uuid) -> Result<Option<Uuid>, AppError>;

    /// Whether an owner with this id exists (say, before a property is given to it).
    async fn exists(&self, owner_id: Uuid) -> Result<bool, AppError>;
}
