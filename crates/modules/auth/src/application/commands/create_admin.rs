//! `CreateAdminCommand`: the first administrator, from the CLI or the environment.

use sejour_core::{AppError, Ctx, Role};
use sejour_users::application::directory::UserAccount;

use super::register::{RegisterCommand, create_account};
use crate::application::service::Auth;

/// Creates an admin account (`sejour admin create`). 409 when the email is taken.
#[doc(alias("CreateAdminCommand", "CreateAdminHandler"))]
pub async fn create_admin(
    auth: &Auth,
    ctx: &Ctx,
    email: &str,
    password: &str,
) -> Result<UserAccount, AppError> {
    let cmd = RegisterCommand {
        email: email.to_owned(),
        password: password.to_owned(),
        first_name: "Admin".to_owned(),
        last_name: "Séjour".to_owned(),
    };
    create_account(auth, ctx, cmd, Role::Admin).await
}

/// Creates the admin from `SEJOUR_BOOTSTRAP_ADMIN_*` when no enabled admin exists yet;
/// returns whether it did.
pub async fn bootstrap_admin(
    auth: &Auth,
    ctx: &Ctx,
    email: &str,
    password: &str,
) -> Result<bool, AppError> {
    if auth.users.has_admin().await? {
        return Ok(false);
    }
    create_admin(auth, ctx, email, password).await?;
    tracing::info!("bootstrap admin created");
    Ok(true)
}
