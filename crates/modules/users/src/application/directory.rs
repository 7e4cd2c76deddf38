//! The users context's published interface: what other contexts (auth) may ask of it.
//! Wired by the composition root; callers depend on this trait, never on our tables.

use async_trait::async_trait;
use sejour_core::{AppError, Ctx, Role, Tx, value_objects::Email};
use uuid::Uuid;

/// A user account as other contexts see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserAccount {
    /// The user's id.
    pub id: Uuid,
    /// Their sign-in email.
    pub email: Email,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Their role.
    pub role: Role,
    /// Disabled users cannot sign in, and their tokens stop working at once.
    pub disabled: bool,
}

/// What is needed to create an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    /// Sign-in email; unique (case-insensitively).
    pub email: Email,
    /// First name (1–100 characters once trimmed).
    pub first_name: String,
    /// Last name (1–100 characters once trimmed).
    pub last_name: String,
    /// The role to give.
    pub role: Role,
}

/// Accounts, for the auth context.
#[async_trait]
pub trait UserDirectory: Send + Sync + 'static {
    /// Creates an account inside the caller's transaction (publishing `UserCreated` in
    /// it). 409 `user.email_taken` when the email is used; 422 on invalid names.
    async fn create(&self, tx: &mut Tx, ctx: &Ctx, user: NewUser) -> Result<UserAccount, AppError>;

    /// The account with this email (case-insensitive), if any.
    async fn find_by_email(&self, email: &Email) -> Result<Option<UserAccount>, AppError>;

    /// The account with this id, if any.
    async fn get(&self, id: Uuid) -> Result<Option<UserAccount>, AppError>;

    /// Whether at least one enabled admin exists.
    async fn has_admin(&self) -> Result<bool, AppError>;
}

/// Setting a user's password, for the users context's "create a user" command.
/// Implemented by the auth context (which owns credentials), wired by the composition root.
#[async_trait]
pub trait Credentials: Send + Sync + 'static {
    /// Checks `password` against the password policy and stores its hash for `user_id`,
    /// inside the caller's transaction. 422 naming the field `password` when too weak.
    async fn set_password(
        &self,
        tx: &mut Tx,
        user_id: Uuid,
        password: &str,
    ) -> Result<(), AppError>;
}
