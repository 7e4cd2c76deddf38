//! [`PgUserRepository`]: users in PostgreSQL (`users.users`).
//!
//! Every state change writes the aggregate's recorded events to the outbox on the same
//! connection, hence in the same transaction: a change commits with its events, or
//! neither does. Updates are optimistic: `WHERE id = $1 AND version = $2`.

use std::sync::Arc;

use async_trait::async_trait;
use sejour_core::{
    AppError, Clock, Ctx, IdGenerator, Role, Tx,
    value_objects::{Email, PhoneNumber},
};
use sejour_infrastructure::{
    db::{StorageResult, on_constraint},
    store::{Store, pg, push_contains_any, push_newest_first, row_by_id},
};
use sqlx::{PgConnection, PgPool, Postgres, QueryBuilder, Row, postgres::PgRow};
use uuid::Uuid;

use crate::{
    application::email_taken,
    domain::{Language, PersonName, User, UserFilter, UserRepository, UserSnapshot},
};

/// The columns of a user, in the order [`user_from_row`] reads them.
const COLUMNS: &str = "id, email, first_name, last_name, phone, language, role, disabled, \
     created_at, updated_at, version";

/// `SELECT <COLUMNS> ... WHERE id = $1`.
fn select_by_id() -> String {
    format!("SELECT {COLUMNS} FROM users.users WHERE id = $1")
}

/// The unique index behind "one account per email" (see the migration).
const EMAIL_UNIQUE_INDEX: &str = "users_email_unique_idx";

/// The `users.users` table, with outbox publishing of the aggregate's events.
#[derive(Clone)]
pub struct PgUserRepository {
    store: Store,
}

impl std::ops::Deref for PgUserRepository {
    type Target = Store;

    fn deref(&self) -> &Store {
        &self.store
    }
}

impl PgUserRepository {
    /// A repository on `pool`; `clock` and `ids` stamp the events' envelopes.
    pub fn new(pool: PgPool, clock: Arc<dyn Clock>, ids: Arc<dyn IdGenerator>) -> Self {
        Self::on(Store::new(pool, clock, ids))
    }

    /// A repository on `store`.
    pub fn on(store: Store) -> Self {
        Self { store }
    }

    /// Writes the user's recorded events to the outbox on `conn`.
    async fn publish(
        &self,
        conn: &mut PgConnection,
        ctx: &Ctx,
        user: &mut User,
    ) -> Result<(), AppError> {
        self.publish_all(conn, ctx, user.take_events()).await
    }
}

#[async_trait]
impl UserRepository for PgUserRepository {
    async fn insert(&self, tx: &mut Tx, ctx: &Ctx, user: &mut User) -> Result<(), AppError> {
        let conn = pg(tx)?;
        if user.stored_version().is_some() {
            return Err(AppError::internal(format!(
                "user {} is already stored",
                user.id()
            )));
        }
        let s = user.snapshot();
        sqlx::query(
            "INSERT INTO users.users (id, email, first_name, last_name, phone, language, role, \
             disabled, created_at, updated_at, version) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(s.id)
        .bind(s.email.as_str())
        .bind(s.first_name.as_str())
        .bind(s.last_name.as_str())
        .bind(s.phone.as_ref().map(PhoneNumber::as_str))
        .bind(s.language.as_str())
        .bind(s.role.as_str())
        .bind(s.disabled)
        .bind(s.created_at)
        .bind(s.updated_at)
        .bind(s.version)
        .execute(&mut *conn)
        .await
        .map_err(|e| on_constraint(e, &[(EMAIL_UNIQUE_INDEX, email_taken)]))?;
        self.publish(conn, ctx, user).await
    }

    async fn update(&self, tx: &mut Tx, ctx: &Ctx, user: &mut User) -> Result<(), AppError> {
        if !user.has_changes() {
            return Ok(());
        }
        let Some(expected) = user.stored_version() else {
            return Err(AppError::internal(format!(
                "user {} is not stored yet",
                user.id()
            )));
        };
        let conn = pg(tx)?;
        let s = user.snapshot();
        let updated = sqlx::query(
            "UPDATE users.users SET first_name = $3, last_name = $4, phone = $5, language = $6, \
             role = $7, disabled = $8, updated_at = $9, version = $10 \
             WHERE id = $1 AND version = $2",
        )
        .bind(s.id)
        .bind(expected)
        .bind(s.first_name.as_str())
        .bind(s.last_name.as_str())
        .bind(s.phone.as_ref().map(PhoneNumber::as_str))
        .bind(s.language.as_str())
        .bind(s.role.as_str())
        .bind(s.disabled)
        .bind(s.updated_at)
        .bind(s.version)
        .execute(&mut *conn)
        .await
        .storage()?
        .rows_affected();
        if updated == 0 {
            return Err(AppError::stale_version("user"));
        }
        self.publish(conn, ctx, user).await
    }

    async fn find_by_id(&self, id: Uuid) -> Result<Option<User>, AppError> {
        let row = row_by_id(self.pool(), &select_by_id(), id, false).await?;
        row.as_ref().map(user_from_row).transpose()
    }

    async fn find_by_id_for_update(&self, tx: &mut Tx, id: Uuid) -> Result<Option<User>, AppError> {
        let row = row_by_id(pg(tx)?, &select_by_id(), id, true).await?;
        row.as_ref().map(user_from_row).transpose()
    }

    async fn find_by_email(&self, email: &Email) -> Result<Option<User>, AppError> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM users.users WHERE lower(email) = lower($1)"
        ))
        .bind(email.as_str())
        .fetch_optional(self.pool())
        .await
        .storage()?;
        row.as_ref().map(user_from_row).transpose()
    }

    async fn has_admin(&self) -> Result<bool, AppError> {
        sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM users.users WHERE role = 'admin' AND NOT disabled)",
        )
        .fetch_one(self.pool())
        .await
        .storage()
    }

    async fn list(&self, filter: &UserFilter, limit: i64) -> Result<Vec<User>, AppError> {
        let mut query =
            QueryBuilder::<Postgres>::new(format!("SELECT {COLUMNS} FROM users.users WHERE TRUE"));
        if let Some(role) = filter.role {
            query.push(" AND role = ").push_bind(role.as_str());
        }
        if let Some(disabled) = filter.disabled {
            query.push(" AND disabled = ").push_bind(disabled);
        }
        if let Some(q) = &filter.q {
            push_contains_any(
                &mut query,
                &[
                    "email",
                    "first_name",
                    "last_name",
                    "(first_name || ' ' || last_name)",
                ],
                q,
            );
        }
        push_newest_first(&mut query, filter.before, limit);
        let rows = query.build().fetch_all(self.pool()).await.storage()?;
        rows.iter().map(user_from_row).collect()
    }
}

/// Decodes a row selected with [`COLUMNS`]. A stored value that no longer parses is an
/// internal error (the database and the domain disagree), never shown.
fn user_from_row(row: &PgRow) -> Result<User, AppError> {
    let id: Uuid = row.try_get("id").storage()?;
    let text = |column: &str| row.try_get::<String, _>(column).storage();
    let corrupt =
        |column: &str| AppError::internal(format!("user {id}: stored {column} is invalid"));
    let phone = row
        .try_get::<Option<String>, _>("phone")
        .storage()?
        .map(|phone| PhoneNumber::parse(&phone).map_err(|_| corrupt("phone")))
        .transpose()?;
    Ok(User::restore(UserSnapshot {
        id,
        email: Email::parse(&text("email")?).map_err(|_| corrupt("email"))?,
        first_name: PersonName::parse(&text("first_name")?).map_err(|_| corrupt("first_name"))?,
        last_name: PersonName::parse(&text("last_name")?).map_err(|_| corrupt("last_name"))?,
        phone,
        language: Language::parse(&text("language")?).ok_or_else(|| corrupt("language"))?,
        role: Role::parse(&text("role")?).ok_or_else(|| corrupt("role"))?,
        disabled: row.try_get("disabled").storage()?,
        created_at: row.try_get("created_at").storage()?,
        updated_at: row.try_get("updated_at").storage()?,
        version: row.try_get("version").storage()?,
    }))
}
