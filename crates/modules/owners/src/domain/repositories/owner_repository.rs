//! [`OwnerRepository`]: where owners are kept.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Ctx, Tx};
use uuid::Uuid;

use crate::domain::{Owner, OwnerKindTag};

/// Which owners [`OwnerRepository::list`] returns; every present field must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnerFilter {
    /// Exactly this kind.
    pub kind: Option<OwnerKindTag>,
    /// A case-insensitive substring of the first, last or full name, the legal name,
    /// the email or the SIRET, taken literally (`%` and `_` are not wildcards).
    pub q: Option<String>,
    /// The owner linked to this user account only.
    pub user_id: Option<Uuid>,
    /// Owners created before this `(created_at, id)` only: the keyset cursor.
    pub before: Option<(DateTime<Utc>, Uuid)>,
}

/// The owners, with the events of each change published in the same transaction.
#[async_trait]
pub trait OwnerRepository: Send + Sync + 'static {
    /// The owner with this id, if any.
    async fn find_by_id(&self, id: Uuid) -> Result<Option<Owner>, AppError>;

    /// The owner with this id, locked until `tx` ends.
    async fn find_for_update(&self, tx: &mut Tx, id: Uuid) -> Result<Option<Owner>, AppError>;

    /// Stores a new owner (from [`Owner::create`]) and publishes its events in `tx`.
    /// 409 `owner.siret_taken` / `owner.user_already_linked` on a duplicate (`tx` must
    /// then be dropped).
    async fn insert(&self, tx: &mut Tx, ctx: &Ctx, owner: &mut Owner) -> Result<(), AppError>;

    /// Saves the pending changes of a stored owner and publishes its events in `tx`;
    /// nothing to do without changes. 412 `owner.version_mismatch` when the stored
    /// version is no longer the one loaded; 409 as for [`OwnerRepository::insert`].
    async fn update(&self, tx: &mut Tx, ctx: &Ctx, owner: &mut Owner) -> Result<(), AppError>;

    /// The owners matching `filter`, newest first (by creation time, then id), at most
    /// `limit`.
    async fn list(&self, filter: &OwnerFilter, limit: i64) -> Result<Vec<Owner>, AppError>;
}
