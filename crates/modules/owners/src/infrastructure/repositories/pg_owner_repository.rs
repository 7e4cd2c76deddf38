//! [`PgOwnerRepository`]: the [`OwnerRepository`] on PostgreSQL (`owners.owners`).
//!
//! Every state change writes the aggregate's recorded events to the outbox on the same
//! connection, hence in the same transaction: a change commits with its events, or
//! neither does. Updates are optimistic: `WHERE id = $1 AND version = $2`.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::NaiveDate;
use sejour_core::{
    AppError, Clock, Ctx, IdGenerator, Tx,
    value_objects::{CountryCode, Email, PhoneNumber, PostalAddress},
};
use sejour_infrastructure::{
    db::{StorageResult, on_constraint},
    store::{Store, pg, push_contains_any, push_newest_first, row_by_id},
};
use sqlx::{PgPool, Postgres, QueryBuilder, Row, postgres::PgRow};
use uuid::Uuid;

use crate::{
    application::{siret_taken, user_already_linked},
    domain::{
        CommissionRate, Iban, LegalName, Mandate, MoneyModel, Owner, OwnerKind, OwnerKindTag,
        OwnerSnapshot, PersonName, Siret, VatNumber,
        repositories::{OwnerFilter, OwnerRepository},
    },
};

/// The columns of an owner, in the order [`owner_from_row`] reads them.
const COLUMNS: &str = "id, kind, first_name, last_name, legal_name, siret, vat_number, email, \
     phone, address_line1, address_line2, address_postal_code, address_city, address_region, \
     address_country, iban, commission_bp, mandate_start, money_model, user_id, created_at, \
     updated_at, version";

/// `SELECT <COLUMNS> ... WHERE id = $1`.
fn select_by_id() -> String {
    format!("SELECT {COLUMNS} FROM owners.owners WHERE id = $1")
}

/// The unique constraint behind "one account stands for one owner at most".
const USER_UNIQUE_CONSTRAINT: &str = "owners_user_id_key";
/// The unique index behind "one owner record per SIRET".
const SIRET_UNIQUE_INDEX: &str = "owners_siret_unique_idx";

/// The `owners.owners` table, with outbox publishing of the aggregate's events.
#[derive(Clone)]
pub struct PgOwnerRepository {
    store: Store,
}

impl PgOwnerRepository {
    /// A repository on `pool`; `clock` and `ids` stamp the events' envelopes.
    pub fn new(pool: PgPool, clock: Arc<dyn Clock>, ids: Arc<dyn IdGenerator>) -> Self {
        Self {
            store: Store::new(pool, clock, ids),
        }
    }
}

#[async_trait]
impl OwnerRepository for PgOwnerRepository {
    async fn insert(&self, tx: &mut Tx, ctx: &Ctx, owner: &mut Owner) -> Result<(), AppError> {
        if owner.stored_version().is_some() {
            return Err(AppError::internal(format!(
                "owner {} is already stored",
                owner.id()
            )));
        }
        let conn = pg(tx)?;
        let s = owner.snapshot();
        let columns = Columns::of(s);
        sqlx::query(
            "INSERT INTO owners.owners (id, kind, first_name, last_name, legal_name, siret, \
             vat_number, email, phone, address_line1, address_line2, address_postal_code, \
             address_city, address_region, address_country, iban, commission_bp, mandate_start, \
             money_model, user_id, created_at, updated_at, version) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
             $18, $19, $20, $21, $22, $23)",
        )
        .bind(s.id)
        .bind(columns.kind)
        .bind(columns.first_name)
        .bind(columns.last_name)
        .bind(columns.legal_name)
        .bind(columns.siret)
        .bind(columns.vat_number)
        .bind(s.email.as_str())
        .bind(s.phone.as_ref().map(PhoneNumber::as_str))
        .bind(s.address.line1())
        .bind(s.address.line2())
        .bind(s.address.postal_code())
        .bind(s.address.city())
        .bind(s.address.region())
        .bind(s.address.country().as_str())
        .bind(s.iban.as_ref().map(Iban::as_str))
        .bind(i32::from(s.mandate.commission.basis_points()))
        .bind(s.mandate.start_date)
        .bind(s.mandate.money_model.as_str())
        .bind(s.user_id)
        .bind(s.created_at)
        .bind(s.updated_at)
        .bind(s.version)
        .execute(&mut *conn)
        .await
        .map_err(write_error)?;
        self.store.publish_all(conn, ctx, owner.take_events()).await
    }

    async fn update(&self, tx: &mut Tx, ctx: &Ctx, owner: &mut Owner) -> Result<(), AppError> {
        if !owner.has_changes() {
            return Ok(());
        }
        let Some(expected) = owner.stored_version() else {
            return Err(AppError::internal(format!(
                "owner {} is not stored yet",
                owner.id()
            )));
        };
        let conn = pg(tx)?;
        let s = owner.snapshot();
        let columns = Columns::of(s);
        let updated = sqlx::query(
            "UPDATE owners.owners SET kind = $3, first_name = $4, last_name = $5, \
             legal_name = $6, siret = $7, vat_number = $8, email = $9, phone = $10, \
             address_line1 = $11, address_line2 = $12, address_postal_code = $13, \
             address_city = $14, address_region = $15, address_country = $16, iban = $17, \
             commission_bp = $18, mandate_start = $19, money_model = $20, user_id = $21, \
             updated_at = $22, version = $23 \
             WHERE id = $1 AND version = $2",
        )
        .bind(s.id)
        .bind(expected)
        .bind(columns.kind)
        .bind(columns.first_name)
        .bind(columns.last_name)
        .bind(columns.legal_name)
        .bind(columns.siret)
        .bind(columns.vat_number)
        .bind(s.email.as_str())
        .bind(s.phone.as_ref().map(PhoneNumber::as_str))
        .bind(s.address.line1())
        .bind(s.address.line2())
        .bind(s.address.postal_code())
        .bind(s.address.city())
        .bind(s.address.region())
        .bind(s.address.country().as_str())
        .bind(s.iban.as_ref().map(Iban::as_str))
        .bind(i32::from(s.mandate.commission.basis_points()))
        .bind(s.mandate.start_date)
        .bind(s.mandate.money_model.as_str())
        .bind(s.user_id)
        .bind(s.updated_at)
        .bind(s.version)
        .execute(&mut *conn)
        .await
        .map_err(write_error)?
        .rows_affected();
        if updated == 0 {
            return Err(AppError::stale_version("owner"));
        }
        self.store.publish_all(conn, ctx, owner.take_events()).await
    }

    async fn find_by_id(&self, id: Uuid) -> Result<Option<Owner>, AppError> {
        let row = row_by_id(self.store.pool(), &select_by_id(), id, false).await?;
        row.as_ref().map(owner_from_row).transpose()
    }

    async fn find_for_update(&self, tx: &mut Tx, id: Uuid) -> Result<Option<Owner>, AppError> {
        let row = row_by_id(pg(tx)?, &select_by_id(), id, true).await?;
        row.as_ref().map(owner_from_row).transpose()
    }

    async fn list(&self, filter: &OwnerFilter, limit: i64) -> Result<Vec<Owner>, AppError> {
        let mut query = QueryBuilder::<Postgres>::new(format!(
            "SELECT {COLUMNS} FROM owners.owners WHERE TRUE"
        ));
        if let Some(kind) = filter.kind {
            query.push(" AND kind = ").push_bind(kind.as_str());
        }
        if let Some(user_id) = filter.user_id {
            query.push(" AND user_id = ").push_bind(user_id);
        }
        if let Some(q) = &filter.q {
            let searched = [
                "first_name",
                "last_name",
                "(first_name || ' ' || last_name)",
                "legal_name",
                "email",
                "siret",
            ];
            push_contains_any(&mut query, &searched, q);
        }
        push_newest_first(&mut query, filter.before, limit);
        let rows = query.build().fetch_all(self.store.pool()).await.storage()?;
        rows.iter().map(owner_from_row).collect()
    }
}

/// The identity columns of an owner.
struct Columns<'a> {
    kind: &'static str,
    first_name: Option<&'a str>,
    last_name: Option<&'a str>,
    legal_name: Option<&'a str>,
    siret: Option<&'a str>,
    vat_number: Option<&'a str>,
}

impl<'a> Columns<'a> {
    fn of(s: &'a OwnerSnapshot) -> Self {
        Self {
            kind: s.kind.tag().as_str(),
            first_name: s.kind.first_name().map(PersonName::as_str),
            last_name: s.kind.last_name().map(PersonName::as_str),
            legal_name: s.kind.legal_name().map(LegalName::as_str),
            siret: s.kind.siret().map(Siret::as_str),
            vat_number: s.kind.vat_number().map(VatNumber::as_str),
        }
    }
}

/// A duplicate SIRET is 409 `owner.siret_taken`; an account linked twice 409
/// `owner.user_already_linked`; anything else a storage error.
fn write_error(error: sqlx::Error) -> AppError {
    on_constraint(
        error,
        &[
            (USER_UNIQUE_CONSTRAINT, user_already_linked),
            (SIRET_UNIQUE_INDEX, siret_taken),
        ],
    )
}

/// Decodes a row selected with [`COLUMNS`]. A stored value that no longer parses is an
/// internal error (the database and the domain disagree), never shown.
fn owner_from_row(row: &PgRow) -> Result<Owner, AppError> {
    let id: Uuid = row.try_get("id").storage()?;
    let corrupt =
        |column: &str| AppError::internal(format!("owner {id}: stored {column} is invalid"));
    let text = |column: &str| row.try_get::<String, _>(column).storage();
    let optional = |column: &str| row.try_get::<Option<String>, _>(column).storage();
    let required = |column: &'static str| optional(column)?.ok_or_else(|| corrupt(column));

    let kind = match OwnerKindTag::parse(&text("kind")?).ok_or_else(|| corrupt("kind"))? {
        OwnerKindTag::Person => OwnerKind::Person {
            first_name: PersonName::parse(&required("first_name")?)
                .map_err(|_| corrupt("first_name"))?,
            last_name: PersonName::parse(&required("last_name")?)
                .map_err(|_| corrupt("last_name"))?,
        },
        OwnerKindTag::Company => OwnerKind::Company {
            legal_name: LegalName::parse(&required("legal_name")?)
                .map_err(|_| corrupt("legal_name"))?,
            siret: Siret::parse(&required("siret")?).map_err(|_| corrupt("siret"))?,
            vat_number: optional("vat_number")?
                .map(|vat| VatNumber::parse(&vat).map_err(|_| corrupt("vat_number")))
                .transpose()?,
        },
    };
    let country =
        CountryCode::parse(&text("address_country")?).map_err(|_| corrupt("address_country"))?;
    let address = PostalAddress::new(
        &text("address_line1")?,
        optional("address_line2")?.as_deref(),
        &text("address_postal_code")?,
        &text("address_city")?,
        optional("address_region")?.as_deref(),
        country,
    )
    .map_err(|_| corrupt("address"))?;
    let commission_bp: i32 = row.try_get("commission_bp").storage()?;
    let commission = u32::try_from(commission_bp)
        .ok()
        .and_then(|bp| CommissionRate::from_basis_points(bp).ok())
        .ok_or_else(|| corrupt("commission_bp"))?;
    let start_date: NaiveDate = row.try_get("mandate_start").storage()?;
    Ok(Owner::restore(OwnerSnapshot {
        id,
        kind,
        email: Email::parse(&text("email")?).map_err(|_| corrupt("email"))?,
        phone: optional("phone")?
            .map(|phone| PhoneNumber::parse(&phone).map_err(|_| corrupt("phone")))
            .transpose()?,
        address,
        iban: optional("iban")?
            .map(|iban| Iban::parse(&iban).map_err(|_| corrupt("iban")))
            .transpose()?,
        mandate: Mandate {
            commission,
            start_date,
            money_model: MoneyModel::parse(&text("money_model")?)
                .ok_or_else(|| corrupt("money_model"))?,
        },
        user_id: row.try_get("user_id").storage()?,
        created_at: row.try_get("created_at").storage()?,
        updated_at: row.try_get("updated_at").storage()?,
        version: row.try_get("version").storage()?,
    }))
}
