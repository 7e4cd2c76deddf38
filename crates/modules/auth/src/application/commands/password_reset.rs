//! `RequestPasswordResetCommand` and `ConfirmPasswordResetCommand`: a one-time token by
//! email, stored hashed, expiring.

use sejour_core::{AppError, Ctx, ErrorKind, value_objects::Email};

use crate::{
    application::{
        ports::{Attempt, MailMessage},
        service::Auth,
    },
    domain::AuthEvent,
    domain::RevokeReason,
    domain::events::{PasswordReset, PasswordResetRequested},
};

/// Reset emails per address per rate-limit window.
const RESETS_PER_WINDOW: u32 = 5;

/// Emails a reset link when `email` belongs to an enabled account. Answers the same
/// whether it does or not (the caller always gets 202), so accounts cannot be probed.
#[doc(alias("RequestPasswordResetCommand", "RequestPasswordResetHandler"))]
pub async fn request_password_reset(auth: &Auth, ctx: &Ctx, email: &str) -> Result<(), AppError> {
    let Ok(email) = Email::parse(email) else {
        return Ok(());
    };
    let Some(user) = auth
        .users
        .find_by_email(&email)
        .await?
        .filter(|u| !u.disabled)
    else {
        return Ok(());
    };
    let key = format!("reset:{}", email.as_str().to_lowercase());
    if let Ok(Attempt::Limited { .. }) = auth
        .limiter
        .hit(&key, RESETS_PER_WINDOW, auth.policy.window)
        .await
    {
        tracing::warn!(user = %user.id, "password reset requests rate-limited");
        return Ok(());
    }
    let token = auth.secrets.new_token();
    let now = auth.clock.now();
    let expires_at = now + auth.policy.reset_ttl;
    let link = format!(
        "{}/reset-password?token={token}",
        auth.policy.public_url.trim_end_matches('/')
    );
    let minutes = auth.policy.reset_ttl.num_minutes();
    let message = MailMessage {
        to: user.email.as_str().to_owned(),
        subject: "Réinitialisez votre mot de passe / Reset your password".to_owned(),
        text: format!(
            "Bonjour {name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable \
             {minutes} minutes, une seule fois) :\n{link}\n\nCode : {token}\n\nSi vous n'êtes pas à \
             l'origine de cette demande, ignorez ce message.\n\n---\n\nHello {name},\n\nTo choose a \
             new password, open this link (valid {minutes} minutes, once):\n{link}\n\nCode: \
             {token}\n\nIf you did not ask for this, ignore this message.\n",
            name = user.first_name,
        ),
    };
    let mut tx = auth.uow.begin().await?;
    auth.resets
        .add(
            &mut tx,
            &auth.secrets.hash(&token),
            user.id,
            now,
            expires_at,
        )
        .await?;
    auth.mail.enqueue(&mut tx, ctx, &message).await?;
    auth.publish(
        &mut tx,
        ctx,
        AuthEvent::PasswordResetRequested(PasswordResetRequested { user_id: user.id }),
    )
    .await?;
    auth.uow.commit(tx).await?;
    Ok(())
}

/// Sets a new password with an emailed token; the token works once and every session
/// of the user is revoked. 422 `auth.invalid_reset_token` for an unknown, used or
/// expired token; 422 naming `newPassword` when it is weak.
#[doc(alias("ConfirmPasswordResetCommand", "ConfirmPasswordResetHandler"))]
pub async fn confirm_password_reset(
    auth: &Auth,
    ctx: &Ctx,
    token: &str,
    new_password: &str,
) -> Result<(), AppError> {
    let now = auth.clock.now();
    let mut tx = auth.uow.begin().await?;
    let invalid = || {
        AppError::new(
            ErrorKind::Unprocessable,
            "auth.invalid_reset_token",
            "This reset link is not valid any more; ask for a new one.",
        )
    };
    let user_id = auth
        .resets
        .use_token(&mut tx, &auth.secrets.hash(token), now)
        .await?
        .ok_or_else(invalid)?;
    let user = auth
        .users
        .get(user_id)
        .await?
        .filter(|u| !u.disabled)
        .ok_or_else(invalid)?;
    let hash = auth.strong_hash(new_password, user.email.as_str(), "newPassword")?;
    auth.credentials
        .set_password_hash(&mut tx, user_id, &hash, now)
        .await?;
    let revoked = auth
        .sessions
        .revoke_user_sessions(&mut tx, user_id, None, RevokeReason::PasswordReset, now)
        .await?;
    let event = AuthEvent::PasswordReset(PasswordReset {
        user_id,
        sessions_revoked: revoked,
    });
    auth.publish(&mut tx, ctx, event).await?;
    auth.uow.commit(tx).await?;
    Ok(())
}
