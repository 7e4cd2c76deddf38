//! [`UserRepository`]: where [`User`] aggregates are kept.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Ctx, Role, Tx, value_objects::Email};
use uuid::Uuid;

use crate::domain::User;

/// Which users [`UserRepository::list`] returns; every present field must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserFilter {
    /// Exactly this role.
    pub role: Option<Role>,
    /// Disabled (`true`) or enabled (`false`) accounts only.
    pub disabled: Option<bool>,
    /// A case-insensitive substring of the email, first name, last name or full name,
    /// taken literally (`%` and `_` are not wildcards).
    pub q: Option<String>,
    /// Users created before this `(created_at, id)` only: the keyset cursor.
    pub before: Option<(DateTime<Utc>, Uuid)>,
}

/// The user accounts. Writes join the caller's transaction and publish the aggregate's
/// recorded events in it: a change commits with its events, or neither does.
#[async_trait]
pub trait UserRepository: Send + Sync + 'static {
    /// The user with this id, if any.
    async fn find_by_id(&self, id: Uuid) -> Result<Option<User>, AppError>;

    /// The user with this id, locked in `tx` until it ends.
    async fn find_by_id_for_update(&self, tx: &mut Tx, id: Uuid) -> Result<Option<User>, AppError>;

    /// The user with this email, compared case-insensitively, if any.
    async fn find_by_email(&self, email: &Email) -> Result<Option<User>, AppError>;

    /// Whether at least one enabled admin exists.
    async fn has_admin(&self) -> Result<bool, AppError>;

    /// The users matching `filter`, newest first (by `created_at`, then id), at most
    /// `limit`.
    async fn list(&self, filter: &UserFilter, limit: i64) -> Result<Vec<User>, AppError>;

    /// Stores a new user (from [`User::register`]) and publishes its events, in `tx`.
    /// 409 `user.email_taken` when an account already uses the email in any case; the
    /// transaction is then aborted and must be rolled back.
    async fn insert(&self, tx: &mut Tx, ctx: &Ctx, user: &mut User) -> Result<(), AppError>;

    /// Saves the pending changes of a stored user and publishes its events, in `tx`;
    /// nothing to do without changes. 412 `user.version_mismatch` when the stored version
    /// is no longer the one loaded.
    async fn update(&self, tx: &mut Tx, ctx: &Ctx, user: &mut User) -> Result<(), AppError>;
}
