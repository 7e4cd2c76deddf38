//! `RegisterCommand`: a guest creates their account.

use sejour_core::{AppError, Ctx, ErrorKind, FieldError, Role, value_objects::Email};
use sejour_users::application::directory::{NewUser, UserAccount};

use crate::{application::service::Auth, domain::AuthEvent, domain::events::Registered};

/// The registration form.
#[derive(Debug, Clone)]
pub struct RegisterCommand {
    /// Sign-in email.
    pub email: String,
    /// Password (checked against the policy).
    pub password: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
}

/// Creates a `guest` account with its password, in one transaction. 422 listing every
/// invalid field; 409 `user.email_taken` when the email is used.
#[doc(alias = "RegisterHandler")]
pub async fn register(
    auth: &Auth,
    ctx: &Ctx,
    cmd: RegisterCommand,
) -> Result<UserAccount, AppError> {
    create_account(auth, ctx, cmd, Role::Guest).await
}

/// Creates an account of `role` with its password (registration, the first admin).
pub(crate) async fn create_account(
    auth: &Auth,
    ctx: &Ctx,
    cmd: RegisterCommand,
    role: Role,
) -> Result<UserAccount, AppError> {
    let mut errors = Vec::new();
    let email = Email::parse(&cmd.email)
        .map_err(|e| errors.push(FieldError::new("email", e.code(), e.to_string())))
        .ok();
    let hash = match auth.strong_hash(&cmd.password, &cmd.email, "password") {
        Ok(hash) => Some(hash),
        Err(e) if e.kind == ErrorKind::Unprocessable => {
            errors.extend(e.errors);
            None
        }
        Err(e) => return Err(e),
    };
    let (Some(email), Some(hash)) = (email, hash) else {
        return Err(AppError::validation(errors));
    };
    let mut tx = auth.uow.begin().await?;
    let user = auth
        .users
        .create(
            &mut tx,
            ctx,
            NewUser {
                email,
                first_name: cmd.first_name,
                last_name: cmd.last_name,
                role,
            },
        )
        .await?;
    auth.credentials
        .set_password_hash(&mut tx, user.id, &hash, auth.clock.now())
        .await?;
    if role == Role::Guest {
        auth.publish(
            &mut tx,
            ctx,
            AuthEvent::Registered(Registered { user_id: user.id }),
        )
        .await?;
    }
    auth.uow.commit(tx).await?;
    Ok(user)
}
