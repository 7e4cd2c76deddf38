//! The users context's `Credentials` port, implemented here (auth owns passwords).

use async_trait::async_trait;
use sejour_core::{AppError, Tx};
use sejour_users::application::directory::Credentials;
use uuid::Uuid;

use super::service::Auth;

#[async_trait]
impl Credentials for Auth {
    async fn set_password(
        &self,
        tx: &mut Tx,
        user_id: Uuid,
        password: &str,
    ) -> Result<(), AppError> {
        let email = self
            .users
            .get(user_id)
            .await?
            .map(|u| u.email.as_str().to_owned())
            .unwrap_or_default();
        let hash = self.strong_hash(password, &email, "password")?;
        self.credentials
            .set_password_hash(tx, user_id, &hash, self.clock.now())
            .await
    }
}
