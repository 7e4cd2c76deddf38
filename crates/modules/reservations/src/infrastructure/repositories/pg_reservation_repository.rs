//! `PgReservationRepository`: reservations in PostgreSQL (`reservations.reservations`),
//! and their timeline (`reservations.timeline`).
//!
//! Every state change writes the aggregate's recorded events to the outbox on the same
//! connection, hence in the same transaction. Updates are optimistic:
//! `WHERE id = $1 AND version = $2`, 412 when another change got there first.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sejour_core::{
    AppError, Ctx, Tx,
    value_objects::{
        CountryCode, Currency, Email, Money, PersonName, PhoneNumber, PostalAddress,
        ReservationPeriod,
    },
};
use sejour_infrastructure::{
    db::StorageResult,
    store::{Store, pg, push_contains_any, push_newest_first, row_by_id},
};
use sqlx::{Postgres, QueryBuilder, Row, postgres::PgRow};
use uuid::Uuid;

use crate::{
    application::Json,
    domain::{
        CancelReason, Cancellation, ContractRef, GuestContact, Guests, MoneyMovement, Notes,
        Occupants, PriceBreakdown, Reservation, ReservationFilter, ReservationRecord,
        ReservationRepository, ReservationSnapshot, ReservationStatus, TimelineEntry,
    },
    infrastructure::timeline::event_of,
};

/// The columns of a reservation, in the order [`record_from_row`] reads them.
const COLUMNS: &str = "id, property_id, customer_id, status, check_in, check_out, adults, \
     children_ages, guest_first_name, guest_last_name, guest_email, guest_phone, \
     guest_address_line1, guest_address_line2, guest_address_postal_code, guest_address_city, \
     guest_address_region, guest_address_country, notes, currency, nights, rent, fees, \
     tourist_tax, total, quoted_total, price_set_by_hand, security_deposit, installments, \
     cancellation_policy, quote, contract_id, contract_status, amount_paid, hold_expires_at, \
     confirmed_at, completed_at, cancelled_at, cancelled_by, cancellation_reason, refund_due, \
     created_at, updated_at, version";

/// `SELECT <COLUMNS> ... WHERE id = $1`.
fn select_by_id() -> String {
    format!("SELECT {COLUMNS} FROM reservations.reservations WHERE id = $1")
}

/// A stored reservation with its quote as shown.
type Record = ReservationRecord<Json>;

/// The `reservations.reservations` table, with outbox publishing.
#[derive(Clone)]
pub struct PgReservationRepository {
    store: Store,
}

/// The values bound for every column but the identity ones, in [`COLUMNS`] order from
/// `status` on.
fn bind_state<'q>(
    query: sqlx::query::Query<'q, Postgres, sqlx::postgres::PgArguments>,
    s: &'q ReservationSnapshot,
    installments: Json,
    quote: &'q Json,
) -> sqlx::query::Query<'q, Postgres, sqlx::postgres::PgArguments> {
    let contact = &s.guests.contact;
    let occupants = &s.guests.occupants;
    let ages: Vec<i16> = occupants
        .children_ages()
        .iter()
        .map(|&a| i16::from(a))
        .collect();
    let cancellation = s.cancellation.as_ref();
    query
        .bind(s.status.as_str())
        .bind(s.period.check_in())
        .bind(s.period.check_out())
        .bind(i32::try_from(occupants.adults()).unwrap_or(i32::MAX))
        .bind(ages)
        .bind(contact.first_name.as_str())
        .bind(contact.last_name.as_str())
        .bind(contact.email.as_str())
        .bind(contact.phone.as_str())
        .bind(contact.address.line1())
        .bind(contact.address.line2())
        .bind(contact.address.postal_code())
        .bind(contact.address.city())
        .bind(contact.address.region())
        .bind(contact.address.country().as_str())
        .bind(s.notes.as_ref().map(Notes::as_str))
        .bind(s.price.currency.as_str())
        .bind(i32::try_from(s.price.nights).unwrap_or(i32::MAX))
        .bind(s.price.rent.amount_minor())
        .bind(s.price.fees.amount_minor())
        .bind(s.price.tourist_tax.amount_minor())
        .bind(s.price.total.amount_minor())
        .bind(s.price.quoted_total.amount_minor())
        .bind(s.price.set_by_hand)
        .bind(s.price.security_deposit.amount_minor())
        .bind(installments)
        .bind(s.price.cancellation_policy.as_str())
        .bind(quote)
        .bind(s.contract.as_ref().map(|c| c.id))
        .bind(s.contract.as_ref().map(|c| c.status.as_str()))
        .bind(s.amount_paid.amount_minor())
        .bind(s.hold_expires_at)
        .bind(s.confirmed_at)
        .bind(s.completed_at)
        .bind(cancellation.map(|c| c.at))
        .bind(cancellation.map(|c| c.by.as_str()))
        .bind(cancellation.map(|c| c.reason.as_str()))
        .bind(cancellation.map(|c| c.refund_due.amount_minor()))
        .bind(s.created_at)
        .bind(s.updated_at)
        .bind(s.version)
}

impl PgReservationRepository {
    /// A repository on the store's pool; its clock and ids stamp the events' envelopes.
    pub fn new(store: Store) -> Self {
        Self { store }
    }
}

#[async_trait]
impl ReservationRepository for PgReservationRepository {
    type Quote = Json;

    async fn insert(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        reservation: &mut Reservation,
        quote: &Json,
    ) -> Result<(), AppError> {
        let conn = pg(tx)?;
        if reservation.stored_version().is_some() {
            return Err(AppError::internal(format!(
                "reservation {} is already stored",
                reservation.id()
            )));
        }
        let s = reservation.snapshot();
        let installments =
            serde_json::to_value(&s.price.installments).map_err(AppError::internal)?;
        let placeholders: Vec<String> = (1..=COLUMNS.split(", ").count())
            .map(|i| format!("${i}"))
            .collect();
        let sql = format!(
            "INSERT INTO reservations.reservations ({COLUMNS}) VALUES ({})",
            placeholders.join(", ")
        );
        let query = sqlx::query(&sql)
            .bind(s.id)
            .bind(s.property_id)
            .bind(s.customer_id);
        bind_state(query, s, installments, quote)
            .execute(&mut *conn)
            .await
            .storage()?;
        self.store
            .publish_all(conn, ctx, reservation.take_events())
            .await
    }

    async fn update(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        reservation: &mut Reservation,
        quote: &Json,
    ) -> Result<(), AppError> {
        if !reservation.has_changes() {
            return Ok(());
        }
        let Some(expected) = reservation.stored_version() else {
            return Err(AppError::internal(format!(
                "reservation {} is not stored yet",
                reservation.id()
            )));
        };
        let s = reservation.snapshot();
        let installments =
            serde_json::to_value(&s.price.installments).map_err(AppError::internal)?;
        // Columns from `status` on, numbered from $4 ($1 id, $2 expected version, $3
        // customer).
        let assignments: Vec<String> = COLUMNS
            .split(", ")
            .skip(3)
            .enumerate()
            .map(|(i, column)| format!("{} = ${}", column.trim(), i + 4))
            .collect();
        let sql = format!(
            "UPDATE reservations.reservations SET customer_id = $3, {} \
             WHERE id = $1 AND version = $2",
            assignments.join(", ")
        );
        let query = sqlx::query(&sql)
            .bind(s.id)
            .bind(expected)
            .bind(s.customer_id);
        let conn = pg(tx)?;
        let updated = bind_state(query, s, installments, quote)
            .execute(&mut *conn)
            .await
            .storage()?
            .rows_affected();
        if updated == 0 {
            return Err(AppError::stale_version("reservation"));
        }
        self.store
            .publish_all(conn, ctx, reservation.take_events())
            .await
    }

    async fn find_by_id(&self, id: Uuid) -> Result<Option<Record>, AppError> {
        let row = row_by_id(self.store.pool(), &select_by_id(), id, false).await?;
        row.as_ref().map(record_from_row).transpose()
    }

    async fn note_money(
        &self,
        tx: &mut Tx,
        reservation_id: Uuid,
        movement: MoneyMovement,
        at: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let direction = match movement {
            MoneyMovement::Received { .. } => "received",
            MoneyMovement::Refunded { .. } => "refunded",
        };
        let inserted = sqlx::query(
            "INSERT INTO reservations.money_movements (id, reservation_id, direction, amount, recorded_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING",
        )
        .bind(movement.id())
        .bind(reservation_id)
        .bind(direction)
        .bind(movement.amount().amount_minor())
        .bind(at)
        .execute(pg(tx)?)
        .await
        .storage()?
        .rows_affected();
        Ok(inserted == 1)
    }

    async fn find_for_update(&self, tx: &mut Tx, id: Uuid) -> Result<Option<Record>, AppError> {
        let row = row_by_id(pg(tx)?, &select_by_id(), id, true).await?;
        row.as_ref().map(record_from_row).transpose()
    }

    async fn search(
        &self,
        filter: &ReservationFilter,
        limit: i64,
    ) -> Result<Vec<Record>, AppError> {
        let mut query = QueryBuilder::<Postgres>::new(format!(
            "SELECT {COLUMNS} FROM reservations.reservations WHERE TRUE"
        ));
        if let Some(ids) = &filter.property_ids {
            query
                .push(" AND property_id = ANY(")
                .push_bind(ids.clone())
                .push(")");
        }
        if let Some(customer) = filter.customer_id {
            query.push(" AND customer_id = ").push_bind(customer);
        }
        if let Some(status) = filter.status {
            query.push(" AND status = ").push_bind(status.as_str());
        }
        if let Some(from) = filter.from {
            query.push(" AND check_out > ").push_bind(from);
        }
        if let Some(to) = filter.to {
            query.push(" AND check_in < ").push_bind(to);
        }
        if let Some(q) = &filter.q {
            let searched = [
                "guest_first_name",
                "guest_last_name",
                "(guest_first_name || ' ' || guest_last_name)",
                "guest_email",
            ];
            push_contains_any(&mut query, &searched, q);
        }
        push_newest_first(&mut query, filter.before, limit);
        let rows = query.build().fetch_all(self.store.pool()).await.storage()?;
        rows.iter().map(record_from_row).collect()
    }

    async fn lapsed_holds(&self, now: DateTime<Utc>, limit: i64) -> Result<Vec<Uuid>, AppError> {
        sqlx::query_scalar(
            "SELECT id FROM reservations.reservations \
             WHERE status = 'pending' AND hold_expires_at <= $1 \
             ORDER BY hold_expires_at LIMIT $2",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(self.store.pool())
        .await
        .storage()
    }

    async fn finished_stays(&self, today: NaiveDate, limit: i64) -> Result<Vec<Uuid>, AppError> {
        sqlx::query_scalar(
            "SELECT id FROM reservations.reservations \
             WHERE status = 'confirmed' AND check_out <= $1 ORDER BY check_out LIMIT $2",
        )
        .bind(today)
        .bind(limit)
        .fetch_all(self.store.pool())
        .await
        .storage()
    }

    async fn balances_due(&self, today: NaiveDate, limit: i64) -> Result<Vec<Uuid>, AppError> {
        sqlx::query_scalar(
            "SELECT id FROM reservations.reservations r \
             WHERE status = 'confirmed' AND check_in > $1 AND amount_paid < total \
               AND EXISTS (SELECT 1 FROM jsonb_array_elements(r.installments) WITH ORDINALITY AS i(item, n) \
                           WHERE i.n > 1 AND (i.item->>'dueOn')::date <= $1) \
             ORDER BY check_in LIMIT $2",
        )
        .bind(today)
        .bind(limit)
        .fetch_all(self.store.pool())
        .await
        .storage()
    }

    async fn arriving(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        limit: i64,
    ) -> Result<Vec<Uuid>, AppError> {
        sqlx::query_scalar(
            "SELECT id FROM reservations.reservations \
             WHERE status = 'confirmed' AND security_deposit > 0 AND check_in BETWEEN $1 AND $2 \
             ORDER BY check_in, id LIMIT $3",
        )
        .bind(from)
        .bind(to)
        .bind(limit)
        .fetch_all(self.store.pool())
        .await
        .storage()
    }

    async fn timeline(&self, reservation_id: Uuid) -> Result<Vec<TimelineEntry>, AppError> {
        let rows: Vec<(Uuid, String, DateTime<Utc>, Option<String>, Json)> = sqlx::query_as(
            "SELECT event_id, event_type, occurred_at, actor, payload FROM reservations.timeline \
             WHERE reservation_id = $1 ORDER BY occurred_at, event_id",
        )
        .bind(reservation_id)
        .fetch_all(self.store.pool())
        .await
        .storage()?;
        rows.into_iter()
            .map(|(event_id, event_type, occurred_at, actor, payload)| {
                let event = event_of(&event_type, payload)
                    .map_err(|e| corrupt("timeline event", reservation_id, e))?;
                Ok(TimelineEntry {
                    event_id,
                    event_type,
                    occurred_at,
                    actor,
                    event,
                })
            })
            .collect()
    }
}

/// A stored value that no longer parses: the database was changed behind our back.
fn corrupt(what: &str, id: Uuid, e: impl std::fmt::Display) -> AppError {
    AppError::internal(format!("reservation {id}: stored {what} is invalid: {e}"))
}

fn money(row: &PgRow, column: &str, currency: Currency) -> Result<Money, sqlx::Error> {
    Ok(Money::new(row.try_get::<i64, _>(column)?, currency))
}

/// Reads a row selected with [`COLUMNS`].
fn record_from_row(row: &PgRow) -> Result<Record, AppError> {
    let id: Uuid = row.try_get("id").storage()?;
    let get = |e: sqlx::Error| corrupt("row", id, e);
    let text = |column: &str| row.try_get::<String, _>(column).map_err(get);
    let currency = Currency::parse(&text("currency")?).map_err(|e| corrupt("currency", id, e))?;
    let period = ReservationPeriod::new(
        row.try_get("check_in").map_err(get)?,
        row.try_get("check_out").map_err(get)?,
    )
    .map_err(|e| corrupt("dates", id, e))?;
    let ages: Vec<i16> = row.try_get("children_ages").map_err(get)?;
    let adults: i32 = row.try_get("adults").map_err(get)?;
    let occupants = Occupants::new(
        u32::try_from(adults).map_err(|e| corrupt("adults", id, e))?,
        ages.into_iter()
            .map(|a| u8::try_from(a).map_err(|e| corrupt("children_ages", id, e)))
            .collect::<Result<_, _>>()?,
    )
    .map_err(|e| corrupt("occupants", id, e))?;
    let country = CountryCode::parse(&text("guest_address_country")?)
        .map_err(|e| corrupt("address", id, e))?;
    let address = PostalAddress::new(
        &text("guest_address_line1")?,
        row.try_get::<Option<String>, _>("guest_address_line2")
            .map_err(get)?
            .as_deref(),
        &text("guest_address_postal_code")?,
        &text("guest_address_city")?,
        row.try_get::<Option<String>, _>("guest_address_region")
            .map_err(get)?
            .as_deref(),
        country,
    )
    .map_err(|e| corrupt("address", id, e))?;
    let contact = GuestContact {
        first_name: PersonName::parse(&text("guest_first_name")?)
            .map_err(|e| corrupt("name", id, e))?,
        last_name: PersonName::parse(&text("guest_last_name")?)
            .map_err(|e| corrupt("name", id, e))?,
        email: Email::parse(&text("guest_email")?).map_err(|e| corrupt("email", id, e))?,
        phone: PhoneNumber::parse(&text("guest_phone")?).map_err(|e| corrupt("phone", id, e))?,
        address,
    };
    let notes = row
        .try_get::<Option<String>, _>("notes")
        .map_err(get)?
        .map(|n| Notes::parse(&n))
        .transpose()
        .map_err(|e| corrupt("notes", id, e))?
        .flatten();
    let nights: i32 = row.try_get("nights").map_err(get)?;
    let installments: Json = row.try_get("installments").map_err(get)?;
    let policy = serde_json::Value::String(text("cancellation_policy")?);
    let price = PriceBreakdown {
        currency,
        nights: u32::try_from(nights).map_err(|e| corrupt("nights", id, e))?,
        rent: money(row, "rent", currency).map_err(get)?,
        fees: money(row, "fees", currency).map_err(get)?,
        tourist_tax: money(row, "tourist_tax", currency).map_err(get)?,
        total: money(row, "total", currency).map_err(get)?,
        quoted_total: money(row, "quoted_total", currency).map_err(get)?,
        set_by_hand: row.try_get("price_set_by_hand").map_err(get)?,
        security_deposit: money(row, "security_deposit", currency).map_err(get)?,
        installments: serde_json::from_value(installments)
            .map_err(|e| corrupt("installments", id, e))?,
        cancellation_policy: serde_json::from_value(policy)
            .map_err(|e| corrupt("cancellation_policy", id, e))?,
    };
    let status = ReservationStatus::parse(&text("status")?)
        .ok_or_else(|| corrupt("status", id, "unknown"))?;
    let cancelled_at: Option<DateTime<Utc>> = row.try_get("cancelled_at").map_err(get)?;
    let cancellation = match cancelled_at {
        Some(at) => Some(Cancellation {
            at,
            by: row
                .try_get::<Option<String>, _>("cancelled_by")
                .map_err(get)?
                .unwrap_or_default(),
            reason: CancelReason::parse(
                &row.try_get::<Option<String>, _>("cancellation_reason")
                    .map_err(get)?
                    .unwrap_or_default(),
            )
            .map_err(|e| corrupt("cancellation_reason", id, e))?,
            refund_due: Money::new(
                row.try_get::<Option<i64>, _>("refund_due")
                    .map_err(get)?
                    .unwrap_or(0),
                currency,
            ),
        }),
        None => None,
    };
    let contract = match row.try_get::<Option<Uuid>, _>("contract_id").map_err(get)? {
        Some(contract_id) => Some(ContractRef {
            id: contract_id,
            status: row
                .try_get::<Option<String>, _>("contract_status")
                .map_err(get)?
                .unwrap_or_default(),
        }),
        None => None,
    };
    let snapshot = ReservationSnapshot {
        id,
        property_id: row.try_get("property_id").map_err(get)?,
        customer_id: row.try_get("customer_id").map_err(get)?,
        period,
        guests: Guests { contact, occupants },
        notes,
        price,
        status,
        hold_expires_at: row.try_get("hold_expires_at").map_err(get)?,
        confirmed_at: row.try_get("confirmed_at").map_err(get)?,
        completed_at: row.try_get("completed_at").map_err(get)?,
        cancellation,
        contract,
        amount_paid: money(row, "amount_paid", currency).map_err(get)?,
        created_at: row.try_get("created_at").map_err(get)?,
        updated_at: row.try_get("updated_at").map_err(get)?,
        version: row.try_get("version").map_err(get)?,
    };
    Ok(ReservationRecord {
        reservation: Reservation::restore(snapshot),
        quote: row.try_get("quote").map_err(get)?,
    })
}
