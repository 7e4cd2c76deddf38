//! `PgInvoiceRepository`: `payments.invoices`, numbered from `payments.invoice_series`
//! (the series row locked and incremented in the issuing transaction).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{
    AppError, Tx,
    value_objects::{Currency, Money},
};
use sejour_infrastructure::{
    db::StorageResult,
    store::{Store, pg},
};
use sqlx::{Postgres, QueryBuilder, Row, postgres::PgRow, types::Json};
use uuid::Uuid;

use crate::domain::{Invoice, InvoiceDraft, InvoiceKind, InvoiceRepository, Party, RegisterFilter};

const COLUMNS: &str = "id, series, number, kind, reservation_id, customer_id, payment_id, refund_id, \
                       corrects, issued_at, seller, buyer, description, service_from, service_to, amount, \
                       currency, vat_mention, owner_id, ledger_entry_id, vat_rate_bp, due_on";

/// Invoices in PostgreSQL.
pub struct PgInvoiceRepository {
    store: Store,
}

impl PgInvoiceRepository {
    /// A repository on the store's pool.
    pub fn new(store: Store) -> Self {
        Self { store }
    }

    async fn select(&self, condition: &str, id: Uuid) -> Result<Vec<Invoice>, AppError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM payments.invoices WHERE {condition} ORDER BY issued_at, id"
        ))
        .bind(id)
        .fetch_all(self.store.pool())
        .await
        .storage()?;
        rows.iter().map(from_row).collect()
    }
}

fn from_row(row: &PgRow) -> Result<Invoice, AppError> {
    let id: Uuid = row.try_get("id").storage()?;
    let corrupt =
        |what: &str| AppError::internal(format!("invoice {id}: stored {what} is invalid"));
    let currency = Currency::parse(&row.try_get::<String, _>("currency").storage()?)
        .map_err(|_| corrupt("currency"))?;
    let kind = InvoiceKind::parse(&row.try_get::<String, _>("kind").storage()?)
        .ok_or_else(|| corrupt("kind"))?;
    let Json(seller): Json<Party> = row.try_get("seller").storage()?;
    let Json(buyer): Json<Party> = row.try_get("buyer").storage()?;
    Ok(Invoice {
        draft: InvoiceDraft {
            id,
            kind,
            reservation_id: row.try_get("reservation_id").storage()?,
            customer_id: row.try_get("customer_id").storage()?,
            owner_id: row.try_get("owner_id").storage()?,
            payment_id: row.try_get("payment_id").storage()?,
            refund_id: row.try_get("refund_id").storage()?,
            ledger_entry_id: row.try_get("ledger_entry_id").storage()?,
            corrects: row.try_get("corrects").storage()?,
            seller,
            buyer,
            description: row.try_get("description").storage()?,
            service_from: row.try_get("service_from").storage()?,
            service_to: row.try_get("service_to").storage()?,
            amount: Money::new(row.try_get("amount").storage()?, currency),
            vat_rate_bp: u32::try_from(row.try_get::<i32, _>("vat_rate_bp").storage()?)
                .map_err(|_| corrupt("VAT rate"))?,
            vat_mention: row.try_get("vat_mention").storage()?,
            due_on: row.try_get("due_on").storage()?,
        },
        series: row.try_get("series").storage()?,
        number: row.try_get("number").storage()?,
        issued_at: row.try_get("issued_at").storage()?,
    })
}

#[async_trait]
impl InvoiceRepository for PgInvoiceRepository {
    async fn issue(
        &self,
        tx: &mut Tx,
        draft: &InvoiceDraft,
        at: DateTime<Utc>,
    ) -> Result<Option<Invoice>, AppError> {
        let conn = pg(tx)?;
        let series = draft.kind.series(at.date_naive());
        sqlx::query(
            "INSERT INTO payments.invoice_series (series) VALUES ($1) ON CONFLICT DO NOTHING",
        )
        .bind(&series)
        .execute(&mut *conn)
        .await
        .storage()?;
        // The lock of the series row orders the issuers: the next one reads this one's
        // document once it commits, or takes the same number again if it rolls back.
        let (number, at): (i64, DateTime<Utc>) = sqlx::query_as(
            "UPDATE payments.invoice_series SET last_number = last_number + 1, \
             last_issued_at = GREATEST(last_issued_at, $2) WHERE series = $1 \
             RETURNING last_number, last_issued_at",
        )
        .bind(&series)
        .bind(at)
        .fetch_one(&mut *conn)
        .await
        .storage()?;
        let exists: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM payments.invoices WHERE payment_id = $1 OR refund_id = $2 \
             OR (ledger_entry_id = $3 AND owner_id = $4))",
        )
        .bind(draft.payment_id)
        .bind(draft.refund_id)
        .bind(draft.ledger_entry_id)
        .bind(draft.owner_id)
        .fetch_one(&mut *conn)
        .await
        .storage()?;
        if exists {
            return Ok(None);
        }
        sqlx::query(&format!(
            "INSERT INTO payments.invoices ({COLUMNS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
             $19, $20, $21, $22)"
        ))
        .bind(draft.id)
        .bind(&series)
        .bind(number)
        .bind(draft.kind.as_str())
        .bind(draft.reservation_id)
        .bind(draft.customer_id)
        .bind(draft.payment_id)
        .bind(draft.refund_id)
        .bind(draft.corrects)
        .bind(at)
        .bind(Json(&draft.seller))
        .bind(Json(&draft.buyer))
        .bind(&draft.description)
        .bind(draft.service_from)
        .bind(draft.service_to)
        .bind(draft.amount.amount_minor())
        .bind(draft.amount.currency().as_str())
        .bind(&draft.vat_mention)
        .bind(draft.owner_id)
        .bind(draft.ledger_entry_id)
        .bind(i32::try_from(draft.vat_rate_bp).unwrap_or(i32::MAX))
        .bind(draft.due_on)
        .execute(&mut *conn)
        .await
        .storage()?;
        Ok(Some(Invoice {
            draft: draft.clone(),
            series,
            number,
            issued_at: at,
        }))
    }

    async fn of_reservation(&self, reservation_id: Uuid) -> Result<Vec<Invoice>, AppError> {
        self.select("reservation_id = $1", reservation_id).await
    }

    async fn of_owner(&self, owner_id: Uuid) -> Result<Vec<Invoice>, AppError> {
        self.select("owner_id = $1", owner_id).await
    }

    async fn register(&self, filter: &RegisterFilter) -> Result<Vec<Invoice>, AppError> {
        let mut query = QueryBuilder::<Postgres>::new(format!(
            "SELECT {COLUMNS} FROM payments.invoices WHERE TRUE"
        ));
        if let Some(from) = filter.from {
            query
                .push(" AND issued_at >= ")
                .push_bind(from)
                .push("::date");
        }
        if let Some(to) = filter.to {
            query.push(" AND issued_at < ").push_bind(to).push("::date");
        }
        if let Some(kind) = filter.kind {
            query.push(" AND kind = ").push_bind(kind.as_str());
        }
        if let Some(owner) = filter.owner_id {
            query.push(" AND owner_id = ").push_bind(owner);
        }
        if let Some((at, id)) = filter.before {
            query
                .push(" AND (issued_at, id) < (")
                .push_bind(at)
                .push(", ")
                .push_bind(id)
                .push(")");
        }
        query
            .push(" ORDER BY issued_at DESC, id DESC LIMIT ")
            .push_bind(filter.fetch);
        let rows = query.build().fetch_all(self.store.pool()).await.storage()?;
        rows.iter().map(from_row).collect()
    }

    async fn find(&self, id: Uuid) -> Result<Option<Invoice>, AppError> {
        Ok(self.select("id = $1", id).await?.into_iter().next())
    }

    async fn of_payment(&self, payment_id: Uuid) -> Result<Option<Invoice>, AppError> {
        Ok(self
            .select("payment_id = $1", payment_id)
            .await?
            .into_iter()
            .next())
    }
}
