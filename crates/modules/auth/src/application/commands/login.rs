//! `LoginCommand`: email + password → a session and its token pair.
//!
//! Rate-limited per client IP and per account (attempts, reset by a success); every
//! outcome is an event, hence audited. A wrong email and a wrong password get the same
//! answer in the same time.

use sejour_core::{Actor, AppError, Ctx, ErrorKind, value_objects::Email};

use crate::{
    application::{ports::Attempt, service::Auth, tokens::TokenPair},
    domain::events::{LoginFailed, LoginSucceeded},
    domain::{AuthEvent, LoginFailure},
};

/// The sign-in form.
#[derive(Debug, Clone)]
pub struct LoginCommand {
    /// Sign-in email.
    pub email: String,
    /// Password.
    pub password: String,
}

fn invalid_credentials() -> AppError {
    AppError::new(
        ErrorKind::Unauthenticated,
        "auth.invalid_credentials",
        "The email or the password is wrong.",
    )
}

/// Signs in; 401 `auth.invalid_credentials` for any wrong email, password or disabled
/// account; 429 `auth.too_many_attempts` with a retry delay when rate-limited.
#[doc(alias = "LoginHandler")]
pub async fn login(auth: &Auth, ctx: &Ctx, cmd: LoginCommand) -> Result<TokenPair, AppError> {
    let email_key = cmd.email.trim().to_lowercase();
    if let Some(ip) = ctx.ip {
        let key = format!("login:ip:{ip}");
        limit(auth, &key, auth.policy.max_attempts_per_ip).await?;
    }
    let account_key = format!("login:account:{email_key}");
    limit(auth, &account_key, auth.policy.max_attempts_per_account).await?;

    let account = match Email::parse(&cmd.email) {
        Ok(email) => auth.users.find_by_email(&email).await?,
        Err(_) => None,
    };
    let hash = match &account {
        Some(user) => auth.credentials.password_hash(user.id).await?,
        None => None,
    };
    let matches = auth.hasher.verify(&cmd.password, hash.as_deref());
    let failure = match &account {
        None => Some(LoginFailure::UnknownEmail),
        Some(_) if !matches => Some(LoginFailure::WrongPassword),
        Some(user) if user.disabled => Some(LoginFailure::Disabled),
        Some(_) => None,
    };
    let known_id = account.as_ref().map(|u| u.id);
    let mut tx = auth.uow.begin().await?;
    let (Some(user), None) = (account, failure) else {
        let event = AuthEvent::LoginFailed(LoginFailed {
            user_id: known_id,
            email: email_key,
            reason: failure.unwrap_or(LoginFailure::WrongPassword),
        });
        auth.publish(&mut tx, ctx, event).await?;
        auth.uow.commit(tx).await?;
        return Err(invalid_credentials());
    };
    let session_id = auth.ids.new_id();
    let pair = auth
        .issue_pair(&mut tx, user.id, user.role, session_id, true)
        .await?;
    let as_user = Ctx {
        actor: Actor::User {
            id: user.id,
            role: user.role,
        },
        ..ctx.clone()
    };
    auth.publish(
        &mut tx,
        &as_user,
        AuthEvent::LoginSucceeded(LoginSucceeded {
            user_id: user.id,
            session_id,
        }),
    )
    .await?;
    auth.uow.commit(tx).await?;
    if let Err(e) = auth.limiter.reset(&account_key).await {
        tracing::warn!(
            error = e.internal.as_deref().unwrap_or_default(),
            "could not reset the sign-in counter"
        );
    }
    Ok(pair)
}

async fn limit(auth: &Auth, key: &str, max: u32) -> Result<(), AppError> {
    match auth.limiter.hit(key, max, auth.policy.window).await {
        Ok(Attempt::Allowed) => Ok(()),
        Ok(Attempt::Limited { retry_after }) => Err(AppError::new(
            ErrorKind::RateLimited {
                retry_after_secs: retry_after.as_secs().max(1),
            },
            "auth.too_many_attempts",
            "Too many sign-in attempts; try again later.",
        )),
        Err(e) => {
            tracing::warn!(
                error = e.internal.as_deref().unwrap_or_default(),
                "rate limiter unavailable; allowing the attempt"
            );
            Ok(())
        }
    }
}
