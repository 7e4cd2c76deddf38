//! [`PgOwnerDirectory`]: the published [`OwnerDirectory`] on PostgreSQL.

use async_trait::async_trait;
use sejour_core::AppError;
use sejour_infrastructure::db::StorageResult;
use sqlx::PgPool;
use uuid::Uuid;

use crate::{
    application::directory::{MandateTerms, OwnerDirectory, OwnerIdentity},
    published_language::MoneyModel,
};

/// Owners for other contexts, on the `owners.owners` table (reads only).
#[derive(Clone)]
pub struct PgOwnerDirectory {
    pool: PgPool,
}

impl PgOwnerDirectory {
    /// A directory on `pool`.
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

#[async_trait]
impl OwnerDirectory for PgOwnerDirectory {
    async fn owner_of_user(&self, user_id: Uuid) -> Result<Option<Uuid>, AppError> {
        sqlx::query_scalar("SELECT id FROM owners.owners WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await
            .storage()
    }

    async fn exists(&self, owner_id: Uuid) -> Result<bool, AppError> {
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM owners.owners WHERE id = $1)")
            .bind(owner_id)
            .fetch_one(&self.pool)
            .await
            .storage()
    }

    async fn terms(&self, owner_id: Uuid) -> Result<Option<MandateTerms>, AppError> {
        let row: Option<(i32, String)> =
            sqlx::query_as("SELECT commission_bp, money_model FROM owners.owners WHERE id = $1")
                .bind(owner_id)
                .fetch_optional(&self.pool)
                .await
                .storage()?;
        row.map(|(bp, model)| {
            let corrupt =
                || AppError::internal(format!("owner {owner_id}: stored mandate is invalid"));
            Ok(MandateTerms {
                commission_bp: u32::try_from(bp).map_err(|_| corrupt())?,
                money_model: MoneyModel::parse(&model).ok_or_else(corrupt)?,
            })
        })
        .transpose()
    }

    async fn identity(&self, owner_id: Uuid) -> Result<Option<OwnerIdentity>, AppError> {
        type Row = (
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
            String,
            String,
        );
        let row: Option<Row> = sqlx::query_as(
            "SELECT concat_ws(' ', first_name, last_name), legal_name, siret, vat_number, email, \
             concat_ws(', ', address_line1, address_line2, \
                       concat_ws(' ', address_postal_code, address_city), address_region, \
                       NULLIF(address_country, 'FR')), address_country \
             FROM owners.owners WHERE id = $1",
        )
        .bind(owner_id)
        .fetch_optional(&self.pool)
        .await
        .storage()?;
        Ok(row.map(
            |(person, legal_name, siret, vat_number, email, address, country)| OwnerIdentity {
                name: legal_name.unwrap_or(person),
                address,
                country,
                email,
                siren: siret.and_then(|s| s.get(..9).map(str::to_owned)),
                vat_number,
            },
        ))
    }
}
