//! The users context's `Credentials` port, implemented here (auth owns passwords).

use async_trait::async_trait;
use sejour_core::AppError;
use sejour_users::application::directory::Credentials;
use sqlx::PgConnection;
use uuid::Uuid;

use super::service::{Auth, storage};
use crate::infrastructure::repository;

#[async_trait]
impl Credentials for Auth {
    async fn set_password(
        &self,
        conn: &mut PgConnection,
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
        repository::set_password_hash(conn, user_id, &hash, self.clock.now())
            .await
            .map_err(storage)
    }
}
