//! `PgPaymentRepository`: the `payments.payments` table, events on the outbox in the same
//! transaction, and `payments.gateway_events` for the notifications already handled.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{
    AppError, Ctx, Tx,
    value_objects::{Currency, InstallmentKind, Money},
};
use sejour_infrastructure::{
    db::StorageResult,
    store::{Store, pg},
};
use sqlx::{Row, postgres::PgRow};
use uuid::Uuid;

use crate::domain::{
    Payment, PaymentEvent, PaymentRepository, PaymentStatus, Refund, RefundReason, RefundStatus,
    payment::{kind_str, parse_kind},
};

const REFUND_COLUMNS: &str = "id, payment_id, reservation_id, reason, amount, currency, status, \
                              provider_ref, failure, created_at, updated_at, gesture, note";

fn refund_from_row(row: &PgRow) -> Result<Refund, AppError> {
    let id: Uuid = row.try_get("id").storage()?;
    let text = |c: &str| row.try_get::<String, _>(c).storage();
    let currency = Currency::parse(&text("currency")?).map_err(|_| corrupt(id, "currency"))?;
    Ok(Refund {
        id,
        reason: RefundReason::parse(&text("reason")?).ok_or_else(|| corrupt(id, "reason"))?,
        gesture: row.try_get("gesture").storage()?,
        note: row.try_get("note").storage()?,
        payment_id: row.try_get("payment_id").storage()?,
        reservation_id: row.try_get("reservation_id").storage()?,
        amount: Money::new(row.try_get("amount").storage()?, currency),
        status: RefundStatus::parse(&text("status")?).ok_or_else(|| corrupt(id, "status"))?,
        provider_ref: row.try_get("provider_ref").storage()?,
        failure: row.try_get("failure").storage()?,
        created_at: row.try_get::<DateTime<Utc>, _>("created_at").storage()?,
        updated_at: row.try_get::<DateTime<Utc>, _>("updated_at").storage()?,
    })
}

const COLUMNS: &str = "id, reservation_id, customer_id, kind, amount, currency, status, provider, \
                       provider_ref, checkout_url, failure, created_at, updated_at";

/// Payments in PostgreSQL.
pub struct PgPaymentRepository {
    store: Store,
}

impl PgPaymentRepository {
    /// A repository on the store's pool; its clock and ids stamp the events' envelopes.
    pub fn new(store: Store) -> Self {
        Self { store }
    }
}

fn corrupt(id: Uuid, what: &str) -> AppError {
    AppError::internal(format!("payment {id}: stored {what} is invalid"))
}

fn from_row(row: &PgRow) -> Result<Payment, AppError> {
    let id: Uuid = row.try_get("id").storage()?;
    let text = |c: &str| row.try_get::<String, _>(c).storage();
    let currency = Currency::parse(&text("currency")?).map_err(|_| corrupt(id, "currency"))?;
    Ok(Payment {
        id,
        reservation_id: row.try_get("reservation_id").storage()?,
        customer_id: row.try_get("customer_id").storage()?,
        kind: parse_kind(&text("kind")?).ok_or_else(|| corrupt(id, "kind"))?,
        amount: Money::new(row.try_get("amount").storage()?, currency),
        status: PaymentStatus::parse(&text("status")?).ok_or_else(|| corrupt(id, "status"))?,
        provider: text("provider")?,
        provider_ref: row.try_get("provider_ref").storage()?,
        checkout_url: row.try_get("checkout_url").storage()?,
        failure: row.try_get("failure").storage()?,
        created_at: row.try_get::<DateTime<Utc>, _>("created_at").storage()?,
        updated_at: row.try_get::<DateTime<Utc>, _>("updated_at").storage()?,
    })
}

#[async_trait]
impl PaymentRepository for PgPaymentRepository {
    async fn insert(&self, tx: &mut Tx, p: &Payment) -> Result<bool, AppError> {
        let inserted = sqlx::query(
            "INSERT INTO payments.payments (id, reservation_id, customer_id, kind, amount, currency, \
             status, provider, provider_ref, checkout_url, failure, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
             ON CONFLICT (reservation_id, kind) WHERE status IN ('pending', 'succeeded') DO NOTHING",
        )
        .bind(p.id)
        .bind(p.reservation_id)
        .bind(p.customer_id)
        .bind(kind_str(p.kind))
        .bind(p.amount.amount_minor())
        .bind(p.amount.currency().as_str())
        .bind(p.status.as_str())
        .bind(&p.provider)
        .bind(&p.provider_ref)
        .bind(&p.checkout_url)
        .bind(&p.failure)
        .bind(p.created_at)
        .bind(p.updated_at)
        .execute(pg(tx)?)
        .await
        .storage()?
        .rows_affected();
        Ok(inserted == 1)
    }

    async fn save(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        p: &Payment,
        events: Vec<PaymentEvent>,
    ) -> Result<(), AppError> {
        let conn = pg(tx)?;
        sqlx::query(
            "UPDATE payments.payments SET status = $2, provider_ref = $3, checkout_url = $4, \
             failure = $5, updated_at = $6, version = version + 1 WHERE id = $1",
        )
        .bind(p.id)
        .bind(p.status.as_str())
        .bind(&p.provider_ref)
        .bind(&p.checkout_url)
        .bind(&p.failure)
        .bind(p.updated_at)
        .execute(&mut *conn)
        .await
        .storage()?;
        self.store.publish_all(conn, ctx, events).await
    }

    async fn find_by_ref_for_update(
        &self,
        tx: &mut Tx,
        provider: &str,
        provider_ref: &str,
    ) -> Result<Option<Payment>, AppError> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM payments.payments WHERE provider = $1 AND provider_ref = $2 FOR UPDATE"
        ))
        .bind(provider)
        .bind(provider_ref)
        .fetch_optional(pg(tx)?)
        .await
        .storage()?;
        row.as_ref().map(from_row).transpose()
    }

    async fn live(
        &self,
        reservation_id: Uuid,
        kind: InstallmentKind,
    ) -> Result<Option<Payment>, AppError> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM payments.payments \
             WHERE reservation_id = $1 AND kind = $2 AND status IN ('pending', 'succeeded')"
        ))
        .bind(reservation_id)
        .bind(kind_str(kind))
        .fetch_optional(self.store.pool())
        .await
        .storage()?;
        row.as_ref().map(from_row).transpose()
    }

    async fn list(&self, reservation_id: Uuid) -> Result<Vec<Payment>, AppError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM payments.payments WHERE reservation_id = $1 ORDER BY created_at, id"
        ))
        .bind(reservation_id)
        .fetch_all(self.store.pool())
        .await
        .storage()?;
        rows.iter().map(from_row).collect()
    }

    async fn insert_refund(&self, tx: &mut Tx, r: &Refund) -> Result<bool, AppError> {
        let inserted = sqlx::query(
            "INSERT INTO payments.refunds (id, payment_id, reservation_id, reason, amount, currency, \
             status, created_at, updated_at, gesture, note) \
             VALUES ($1, $2, $3, $9, $4, $5, $6, $7, $8, $10, $11) ON CONFLICT DO NOTHING",
        )
        .bind(r.id)
        .bind(r.payment_id)
        .bind(r.reservation_id)
        .bind(r.amount.amount_minor())
        .bind(r.amount.currency().as_str())
        .bind(r.status.as_str())
        .bind(r.created_at)
        .bind(r.updated_at)
        .bind(r.reason.as_str())
        .bind(r.gesture)
        .bind(&r.note)
        .execute(pg(tx)?)
        .await
        .storage()?
        .rows_affected();
        Ok(inserted == 1)
    }

    async fn save_refund(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        r: &Refund,
        events: Vec<PaymentEvent>,
    ) -> Result<(), AppError> {
        let conn = pg(tx)?;
        sqlx::query(
            "UPDATE payments.refunds SET status = $2, provider_ref = $3, failure = $4, updated_at = $5 \
             WHERE id = $1",
        )
        .bind(r.id)
        .bind(r.status.as_str())
        .bind(&r.provider_ref)
        .bind(&r.failure)
        .bind(r.updated_at)
        .execute(&mut *conn)
        .await
        .storage()?;
        self.store.publish_all(conn, ctx, events).await
    }

    async fn refunds(&self, reservation_id: Uuid) -> Result<Vec<Refund>, AppError> {
        let rows = sqlx::query(&format!(
            "SELECT {REFUND_COLUMNS} FROM payments.refunds WHERE reservation_id = $1 ORDER BY created_at, id"
        ))
        .bind(reservation_id)
        .fetch_all(self.store.pool())
        .await
        .storage()?;
        rows.iter().map(refund_from_row).collect()
    }

    async fn first_delivery(
        &self,
        tx: &mut Tx,
        provider: &str,
        event_id: &str,
    ) -> Result<bool, AppError> {
        let inserted = sqlx::query(
            "INSERT INTO payments.gateway_events (provider, event_id, received_at) \
             VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .bind(provider)
        .bind(event_id)
        .bind(self.store.clock().now())
        .execute(pg(tx)?)
        .await
        .storage()?
        .rows_affected();
        Ok(inserted == 1)
    }
}
