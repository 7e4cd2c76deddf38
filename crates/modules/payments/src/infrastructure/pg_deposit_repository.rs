//! `PgDepositRepository`: `payments.saved_cards`, `payments.deposit_holds` and
//! `payments.damage_photos`, events on the outbox in the same transaction.

use async_trait::async_trait;
use sejour_core::{
    AppError, Ctx, Tx,
    value_objects::{Currency, Money},
};
use sejour_infrastructure::{
    db::StorageResult,
    store::{Store, pg},
};
use sqlx::{Row, postgres::PgRow};
use uuid::Uuid;

use crate::domain::{
    DamagePhoto, DepositEvent, DepositHold, DepositRepository, HoldStatus, KeptCard, SavedCard,
    StoredImage,
};

const COLUMNS: &str = "id, reservation_id, provider, provider_ref, amount, currency, status, \
                       expires_at, captured, reason, created_at, updated_at";

/// Saved cards and holds in PostgreSQL.
pub struct PgDepositRepository {
    store: Store,
}

impl PgDepositRepository {
    /// A repository on the store's pool.
    pub fn new(store: Store) -> Self {
        Self { store }
    }
}

fn from_row(row: &PgRow) -> Result<DepositHold, AppError> {
    let id: Uuid = row.try_get("id").storage()?;
    let corrupt = |what: &str| AppError::internal(format!("hold {id}: stored {what} is invalid"));
    let currency = Currency::parse(&row.try_get::<String, _>("currency").storage()?)
        .map_err(|_| corrupt("currency"))?;
    let status = HoldStatus::parse(&row.try_get::<String, _>("status").storage()?)
        .ok_or_else(|| corrupt("status"))?;
    let captured: Option<i64> = row.try_get("captured").storage()?;
    Ok(DepositHold {
        id,
        reservation_id: row.try_get("reservation_id").storage()?,
        provider: row.try_get("provider").storage()?,
        provider_ref: row.try_get("provider_ref").storage()?,
        amount: Money::new(row.try_get("amount").storage()?, currency),
        status,
        expires_at: row.try_get("expires_at").storage()?,
        captured: captured.map(|c| Money::new(c, currency)),
        reason: row.try_get("reason").storage()?,
        created_at: row.try_get("created_at").storage()?,
        updated_at: row.try_get("updated_at").storage()?,
    })
}

#[async_trait]
impl DepositRepository for PgDepositRepository {
    async fn keep_card(
        &self,
        tx: &mut Tx,
        reservation_id: Uuid,
        card: &KeptCard,
    ) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO payments.saved_cards (reservation_id, provider, reference, last4, consented_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (reservation_id) DO UPDATE SET \
             provider = EXCLUDED.provider, reference = EXCLUDED.reference, \
             last4 = EXCLUDED.last4, consented_at = EXCLUDED.consented_at",
        )
        .bind(reservation_id)
        .bind(&card.provider)
        .bind(&card.card.reference)
        .bind(&card.card.last4)
        .bind(card.consented_at)
        .execute(pg(tx)?)
        .await
        .storage()?;
        Ok(())
    }

    async fn card(&self, reservation_id: Uuid) -> Result<Option<KeptCard>, AppError> {
        let row: Option<(String, String, String, chrono::DateTime<chrono::Utc>)> = sqlx::query_as(
            "SELECT provider, reference, last4, consented_at FROM payments.saved_cards \
             WHERE reservation_id = $1",
        )
        .bind(reservation_id)
        .fetch_optional(self.store.pool())
        .await
        .storage()?;
        Ok(
            row.map(|(provider, reference, last4, consented_at)| KeptCard {
                provider,
                card: SavedCard { reference, last4 },
                consented_at,
            }),
        )
    }

    async fn insert(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        h: &DepositHold,
        events: Vec<DepositEvent>,
    ) -> Result<bool, AppError> {
        let conn = pg(tx)?;
        let inserted = sqlx::query(&format!(
            "INSERT INTO payments.deposit_holds ({COLUMNS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
             ON CONFLICT (reservation_id) WHERE status = 'held' DO NOTHING"
        ))
        .bind(h.id)
        .bind(h.reservation_id)
        .bind(&h.provider)
        .bind(&h.provider_ref)
        .bind(h.amount.amount_minor())
        .bind(h.amount.currency().as_str())
        .bind(h.status.as_str())
        .bind(h.expires_at)
        .bind(h.captured.map(|c| c.amount_minor()))
        .bind(&h.reason)
        .bind(h.created_at)
        .bind(h.updated_at)
        .execute(&mut *conn)
        .await
        .storage()?
        .rows_affected()
            == 1;
        if inserted {
            self.store.publish_all(conn, ctx, events).await?;
        }
        Ok(inserted)
    }

    async fn save(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        h: &DepositHold,
        events: Vec<DepositEvent>,
    ) -> Result<(), AppError> {
        let conn = pg(tx)?;
        sqlx::query(
            "UPDATE payments.deposit_holds SET status = $2, captured = $3, reason = $4, \
             updated_at = $5 WHERE id = $1",
        )
        .bind(h.id)
        .bind(h.status.as_str())
        .bind(h.captured.map(|c| c.amount_minor()))
        .bind(&h.reason)
        .bind(h.updated_at)
        .execute(&mut *conn)
        .await
        .storage()?;
        self.store.publish_all(conn, ctx, events).await
    }

    async fn live_for_update(
        &self,
        tx: &mut Tx,
        reservation_id: Uuid,
    ) -> Result<Option<DepositHold>, AppError> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM payments.deposit_holds \
             WHERE reservation_id = $1 AND status = 'held' FOR UPDATE"
        ))
        .bind(reservation_id)
        .fetch_optional(pg(tx)?)
        .await
        .storage()?;
        row.as_ref().map(from_row).transpose()
    }

    async fn of_reservation(&self, reservation_id: Uuid) -> Result<Vec<DepositHold>, AppError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM payments.deposit_holds WHERE reservation_id = $1 \
             ORDER BY created_at, id"
        ))
        .bind(reservation_id)
        .fetch_all(self.store.pool())
        .await
        .storage()?;
        rows.iter().map(from_row).collect()
    }

    async fn add_photo(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        photo: &DamagePhoto,
        max: i64,
        events: Vec<DepositEvent>,
    ) -> Result<bool, AppError> {
        let conn = pg(tx)?;
        // One adder at a time per booking, so that the count holds.
        sqlx::query(
            "SELECT pg_advisory_xact_lock(hashtextextended('damage_photos:' || $1::text, 0))",
        )
        .bind(photo.reservation_id)
        .execute(&mut *conn)
        .await
        .storage()?;
        let kept: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM payments.damage_photos WHERE reservation_id = $1",
        )
        .bind(photo.reservation_id)
        .fetch_one(&mut *conn)
        .await
        .storage()?;
        if kept >= max {
            return Ok(false);
        }
        let image = &photo.image;
        sqlx::query(
            "INSERT INTO payments.damage_photos \
             (id, reservation_id, key, content_type, width, height, bytes, caption, uploaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(photo.id)
        .bind(photo.reservation_id)
        .bind(&image.key)
        .bind(image.content_type)
        .bind(i32::try_from(image.width).unwrap_or(i32::MAX))
        .bind(i32::try_from(image.height).unwrap_or(i32::MAX))
        .bind(i64::try_from(image.bytes).unwrap_or(i64::MAX))
        .bind(&photo.caption)
        .bind(photo.uploaded_at)
        .execute(&mut *conn)
        .await
        .storage()?;
        self.store.publish_all(conn, ctx, events).await?;
        Ok(true)
    }

    async fn photos(&self, reservation_id: Uuid) -> Result<Vec<DamagePhoto>, AppError> {
        type Row = (
            Uuid,
            String,
            String,
            i32,
            i32,
            i64,
            String,
            chrono::DateTime<chrono::Utc>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, key, content_type, width, height, bytes, caption, uploaded_at \
             FROM payments.damage_photos WHERE reservation_id = $1 ORDER BY uploaded_at, id",
        )
        .bind(reservation_id)
        .fetch_all(self.store.pool())
        .await
        .storage()?;
        rows.into_iter()
            .map(
                |(id, key, content_type, width, height, bytes, caption, uploaded_at)| {
                    let corrupt = || {
                        AppError::internal(format!("damage photo {id}: stored image is invalid"))
                    };
                    let content_type = ["image/jpeg", "image/png", "image/webp"]
                        .into_iter()
                        .find(|t| *t == content_type)
                        .ok_or_else(corrupt)?;
                    Ok(DamagePhoto {
                        id,
                        reservation_id,
                        image: StoredImage {
                            key,
                            content_type,
                            width: u32::try_from(width).map_err(|_| corrupt())?,
                            height: u32::try_from(height).map_err(|_| corrupt())?,
                            bytes: usize::try_from(bytes).map_err(|_| corrupt())?,
                        },
                        caption,
                        uploaded_at,
                    })
                },
            )
            .collect()
    }

    async fn live(&self, limit: i64) -> Result<Vec<DepositHold>, AppError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM payments.deposit_holds WHERE status = 'held' \
             ORDER BY expires_at, id LIMIT $1"
        ))
        .bind(limit)
        .fetch_all(self.store.pool())
        .await
        .storage()?;
        rows.iter().map(from_row).collect()
    }
}
