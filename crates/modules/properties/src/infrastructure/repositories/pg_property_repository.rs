//! `PgPropertyRepository`: the `properties` schema's property aggregate with its owners,
//! photos, calendar-export secret and the catalogue's reads.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::NaiveTime;
use sejour_core::{
    Aggregate, AppError, Changes, Clock, Ctx, IdGenerator, Tx, value_objects::PostalAddress,
};
use sejour_infrastructure::{
    db::StorageResult,
    secrets,
    store::{Store, escape_like, pg},
};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::{photos, search};
use crate::domain::{
    amenity::Amenity,
    events::PropertyEvent,
    photo::PhotoRecord,
    property::{
        Capacity, Coordinates, Descriptions, OwnerShare, PhotoRef, Property, PropertyKind,
        PropertyStatus, RegistrationNumber,
    },
    repositories::{ManagedFilter, PropertyRepository, PropertySummary},
    search::{Candidate, SearchFilter},
};

/// A property row as stored.
#[derive(sqlx::FromRow)]
struct PropertyRow {
    id: Uuid,
    slug: String,
    name: String,
    kind: String,
    status: String,
    address: serde_json::Value,
    latitude: f64,
    longitude: f64,
    max_guests: i32,
    bedrooms: i32,
    beds: i32,
    bathrooms: i32,
    floor_area_m2: Option<i32>,
    registration_number: Option<String>,
    description_fr: String,
    description_en: String,
    check_in_time: NaiveTime,
    check_out_time: NaiveTime,
    house_rules: String,
    amenities: Vec<String>,
    amenities_other: String,
    rates: Option<serde_json::Value>,
    tourist_tax: Option<serde_json::Value>,
    version: i32,
}

const COLUMNS: &str = "id, slug, name, kind, status, address, latitude, longitude, max_guests, \
    bedrooms, beds, bathrooms, floor_area_m2, registration_number, description_fr, description_en, \
    check_in_time, check_out_time, house_rules, amenities, amenities_other, rates, tourist_tax, version";

fn corrupt(what: &str) -> AppError {
    AppError::internal(format!("stored property has an invalid {what}"))
}

fn to_u32(n: i32, what: &str) -> Result<u32, AppError> {
    u32::try_from(n).map_err(|_| corrupt(what))
}

impl PropertyRow {
    fn into_domain(
        self,
        owners: Vec<OwnerShare>,
        photos: Vec<PhotoRef>,
    ) -> Result<Property, AppError> {
        let address: PostalAddress =
            serde_json::from_value(self.address).map_err(|_| corrupt("address"))?;
        Ok(Property {
            id: self.id,
            slug: self.slug,
            name: self.name,
            kind: PropertyKind::parse(&self.kind).ok_or_else(|| corrupt("kind"))?,
            status: PropertyStatus::parse(&self.status).ok_or_else(|| corrupt("status"))?,
            address,
            coordinates: Coordinates::new(self.latitude, self.longitude)
                .map_err(|_| corrupt("position"))?,
            capacity: Capacity::new(
                to_u32(self.max_guests, "capacity")?,
                to_u32(self.bedrooms, "capacity")?,
                to_u32(self.beds, "capacity")?,
                to_u32(self.bathrooms, "capacity")?,
            )
            .map_err(|_| corrupt("capacity"))?,
            floor_area_m2: self
                .floor_area_m2
                .map(|a| to_u32(a, "floor area"))
                .transpose()?,
            registration_number: self
                .registration_number
                .map(|r| RegistrationNumber::parse(&r).map_err(|_| corrupt("registration number")))
                .transpose()?,
            descriptions: Descriptions {
                fr: self.description_fr,
                en: self.description_en,
            },
            check_in_time: self.check_in_time,
            check_out_time: self.check_out_time,
            house_rules: self.house_rules,
            amenities: self
                .amenities
                .iter()
                .filter_map(|a| Amenity::parse(a))
                .collect(),
            amenities_other: self.amenities_other,
            owners,
            rates: self
                .rates
                .map(|r| serde_json::from_value(r).map_err(|_| corrupt("rates")))
                .transpose()?,
            tourist_tax: self
                .tourist_tax
                .map(|t| serde_json::from_value(t).map_err(|_| corrupt("tourist tax")))
                .transpose()?,
            photos,
            version: self.version,
            changes: Changes::restored(self.version),
        })
    }
}

/// Stores and loads properties, writing their events on the outbox in the same
/// transaction (the seed's `PropertyRepositoryPg`).
#[doc(alias = "PropertyRepositoryPg")]
#[derive(Clone)]
pub struct PgPropertyRepository {
    store: Store,
}

impl PgPropertyRepository {
    /// A repository over `pool`; `clock` and `ids` stamp the events' envelopes.
    pub fn new(pool: PgPool, clock: Arc<dyn Clock>, ids: Arc<dyn IdGenerator>) -> Self {
        Self {
            store: Store::new(pool, clock, ids),
        }
    }

    async fn unique_slug(&self, conn: &mut PgConnection, base: &str) -> Result<String, AppError> {
        let taken: Vec<String> = sqlx::query_scalar(
            "SELECT slug FROM properties.properties WHERE slug = $1 OR slug LIKE $1 || '-%'",
        )
        .bind(base)
        .fetch_all(&mut *conn)
        .await
        .storage()?;
        if !taken.iter().any(|s| s == base) {
            return Ok(base.to_owned());
        }
        Ok((2..)
            .map(|n| format!("{base}-{n}"))
            .find(|candidate| !taken.contains(candidate))
            .unwrap_or_else(|| format!("{base}-{}", Uuid::now_v7().simple())))
    }

    /// Writes the aggregate's pending events on the outbox.
    async fn publish_events(
        &self,
        conn: &mut PgConnection,
        ctx: &Ctx,
        property: &mut Property,
    ) -> Result<(), AppError> {
        self.store
            .publish_all(conn, ctx, property.take_events())
            .await
    }
}

#[async_trait]
impl PropertyRepository for PgPropertyRepository {
    async fn find_by_id(&self, id: Uuid) -> Result<Option<Property>, AppError> {
        let mut conn = self.store.pool().acquire().await.storage()?;
        load(&mut conn, id, false).await
    }

    async fn find_for_update(&self, tx: &mut Tx, id: Uuid) -> Result<Option<Property>, AppError> {
        load(pg(tx)?, id, true).await
    }

    async fn create(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        property: &mut Property,
    ) -> Result<(), AppError> {
        let conn = pg(tx)?;
        let now = self.store.clock().now();
        property.slug = self.unique_slug(conn, &property.slug).await?;
        sqlx::query(
            "INSERT INTO properties.properties (id, slug, name, kind, status, address, city, country, \
             latitude, longitude, max_guests, bedrooms, beds, bathrooms, floor_area_m2, registration_number, \
             description_fr, description_en, check_in_time, check_out_time, house_rules, amenities, \
             amenities_other, rates, tourist_tax, nightly_from, ical_token, created_at, updated_at, version) \
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$28,1)",
        )
        .bind(property.id)
        .bind(&property.slug)
        .bind(&property.name)
        .bind(property.kind.as_str())
        .bind(property.status.as_str())
        .bind(serde_json::to_value(&property.address).map_err(AppError::internal)?)
        .bind(property.address.city())
        .bind(property.address.country().as_str())
        .bind(property.coordinates.lat)
        .bind(property.coordinates.lng)
        .bind(as_i32(property.capacity.max_guests))
        .bind(as_i32(property.capacity.bedrooms))
        .bind(as_i32(property.capacity.beds))
        .bind(as_i32(property.capacity.bathrooms))
        .bind(property.floor_area_m2.map(as_i32))
        .bind(property.registration_number.as_ref().map(RegistrationNumber::as_str))
        .bind(&property.descriptions.fr)
        .bind(&property.descriptions.en)
        .bind(property.check_in_time)
        .bind(property.check_out_time)
        .bind(&property.house_rules)
        .bind(property.amenities.iter().map(|a| a.as_str()).collect::<Vec<_>>())
        .bind(&property.amenities_other)
        .bind(property.rates.as_ref().map(serde_json::to_value).transpose().map_err(AppError::internal)?)
        .bind(property.tourist_tax.as_ref().map(serde_json::to_value).transpose().map_err(AppError::internal)?)
        .bind(nightly_from(property))
        .bind(secrets::new_token())
        .bind(now)
        .execute(&mut *conn)
        .await
        .storage()?;
        save_owners(conn, property).await?;
        self.publish_events(conn, ctx, property).await
    }

    async fn save(&self, tx: &mut Tx, ctx: &Ctx, property: &mut Property) -> Result<(), AppError> {
        let conn = pg(tx)?;
        let now = self.store.clock().now();
        let updated = sqlx::query(
            "UPDATE properties.properties SET name = $3, kind = $4, status = $5, address = $6, city = $7, \
             country = $8, latitude = $9, longitude = $10, max_guests = $11, bedrooms = $12, beds = $13, \
             bathrooms = $14, floor_area_m2 = $15, registration_number = $16, description_fr = $17, \
             description_en = $18, check_in_time = $19, check_out_time = $20, house_rules = $21, \
             amenities = $22, amenities_other = $23, rates = $24, tourist_tax = $25, nightly_from = $26, \
             updated_at = $27, version = version + 1 WHERE id = $1 AND version = $2",
        )
        .bind(property.id)
        .bind(property.stored_version().unwrap_or(property.version))
        .bind(&property.name)
        .bind(property.kind.as_str())
        .bind(property.status.as_str())
        .bind(serde_json::to_value(&property.address).map_err(AppError::internal)?)
        .bind(property.address.city())
        .bind(property.address.country().as_str())
        .bind(property.coordinates.lat)
        .bind(property.coordinates.lng)
        .bind(as_i32(property.capacity.max_guests))
        .bind(as_i32(property.capacity.bedrooms))
        .bind(as_i32(property.capacity.beds))
        .bind(as_i32(property.capacity.bathrooms))
        .bind(property.floor_area_m2.map(as_i32))
        .bind(property.registration_number.as_ref().map(RegistrationNumber::as_str))
        .bind(&property.descriptions.fr)
        .bind(&property.descriptions.en)
        .bind(property.check_in_time)
        .bind(property.check_out_time)
        .bind(&property.house_rules)
        .bind(property.amenities.iter().map(|a| a.as_str()).collect::<Vec<_>>())
        .bind(&property.amenities_other)
        .bind(property.rates.as_ref().map(serde_json::to_value).transpose().map_err(AppError::internal)?)
        .bind(property.tourist_tax.as_ref().map(serde_json::to_value).transpose().map_err(AppError::internal)?)
        .bind(nightly_from(property))
        .bind(now)
        .execute(&mut *conn)
        .await
        .storage()?;
        if updated.rows_affected() == 0 {
            return Err(AppError::stale_version("property"));
        }
        save_owners(conn, property).await?;
        self.publish_events(conn, ctx, property).await
    }

    async fn publish(&self, tx: &mut Tx, ctx: &Ctx, event: &PropertyEvent) -> Result<(), AppError> {
        self.store.publish(pg(tx)?, ctx, event).await
    }

    async fn ids_of_owner(&self, owner_id: Uuid) -> Result<Vec<Uuid>, AppError> {
        sqlx::query_scalar(
            "SELECT property_id FROM properties.property_owners WHERE owner_id = $1 \
             ORDER BY property_id",
        )
        .bind(owner_id)
        .fetch_all(self.store.pool())
        .await
        .storage()
    }

    async fn list_managed(&self, filter: &ManagedFilter) -> Result<Vec<PropertySummary>, AppError> {
        let pattern = filter.q.as_deref().map(|q| format!("%{}%", escape_like(q)));
        let rows: Vec<(Uuid, String, String, String, String, i32)> = sqlx::query_as(
            "SELECT p.id, p.slug, p.name, p.status, p.city, p.max_guests FROM properties.properties p \
              WHERE ($1::text IS NULL OR p.status = $1) \
                AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM properties.property_owners o WHERE o.property_id = p.id AND o.owner_id = $2)) \
                AND ($3::text IS NULL OR p.name ILIKE $3 OR p.city ILIKE $3) \
                AND ($4::uuid IS NULL OR p.id < $4) \
              ORDER BY p.id DESC LIMIT $5",
        )
        .bind(filter.status.map(PropertyStatus::as_str))
        .bind(filter.owner_id)
        .bind(pattern)
        .bind(filter.before)
        .bind(filter.fetch)
        .fetch_all(self.store.pool())
        .await
        .storage()?;
        Ok(rows
            .into_iter()
            .map(
                |(id, slug, name, status, city, max_guests)| PropertySummary {
                    id,
                    slug,
                    name,
                    status,
                    city,
                    max_guests,
                },
            )
            .collect())
    }

    async fn search(&self, filter: &SearchFilter, limit: i64) -> Result<Vec<Candidate>, AppError> {
        search::candidates(self.store.pool(), filter, limit).await
    }

    async fn name_for_export(&self, id: Uuid, token: &str) -> Result<Option<String>, AppError> {
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT name, ical_token FROM properties.properties WHERE id = $1")
                .bind(id)
                .fetch_optional(self.store.pool())
                .await
                .storage()?;
        Ok(row
            .filter(|(_, expected)| secrets::same_secret(token, expected))
            .map(|(name, _)| name))
    }

    async fn rotate_export_token(&self, id: Uuid) -> Result<Option<String>, AppError> {
        let token = secrets::new_token();
        let done = sqlx::query("UPDATE properties.properties SET ical_token = $2 WHERE id = $1")
            .bind(id)
            .bind(&token)
            .execute(self.store.pool())
            .await
            .storage()?;
        Ok((done.rows_affected() > 0).then_some(token))
    }

    async fn photos(&self, property_id: Uuid) -> Result<Vec<PhotoRecord>, AppError> {
        photos::list(self.store.pool(), property_id).await
    }

    async fn photo(&self, property_id: Uuid, id: Uuid) -> Result<Option<PhotoRecord>, AppError> {
        photos::get(self.store.pool(), property_id, id).await
    }

    async fn add_photo(&self, tx: &mut Tx, photo: &PhotoRecord) -> Result<i32, AppError> {
        photos::insert(pg(tx)?, photo).await
    }

    async fn update_photo(
        &self,
        tx: &mut Tx,
        property_id: Uuid,
        id: Uuid,
        caption: Option<&str>,
        position: Option<i32>,
    ) -> Result<bool, AppError> {
        photos::update(pg(tx)?, property_id, id, caption, position).await
    }

    async fn remove_photo(
        &self,
        tx: &mut Tx,
        property_id: Uuid,
        id: Uuid,
    ) -> Result<Option<PhotoRecord>, AppError> {
        photos::delete(pg(tx)?, property_id, id).await
    }
}

fn as_i32(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// The lowest nightly price of the rates (base or any season), for sorting by price.
fn nightly_from(property: &Property) -> Option<i64> {
    property
        .rates
        .as_ref()
        .map(|r| r.lowest_nightly().amount_minor())
}

async fn save_owners(conn: &mut PgConnection, property: &Property) -> Result<(), AppError> {
    sqlx::query("DELETE FROM properties.property_owners WHERE property_id = $1")
        .bind(property.id)
        .execute(&mut *conn)
        .await
        .storage()?;
    if property.owners.is_empty() {
        return Ok(());
    }
    let owners: Vec<Uuid> = property.owners.iter().map(|o| o.owner_id).collect();
    let shares: Vec<i32> = property.owners.iter().map(|o| as_i32(o.share_bp)).collect();
    sqlx::query(
        "INSERT INTO properties.property_owners (property_id, owner_id, share_bp) \
         SELECT $1, * FROM UNNEST($2::uuid[], $3::int[])",
    )
    .bind(property.id)
    .bind(owners)
    .bind(shares)
    .execute(conn)
    .await
    .storage()?;
    Ok(())
}

async fn load(conn: &mut PgConnection, id: Uuid, lock: bool) -> Result<Option<Property>, AppError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM properties.properties WHERE id = $1{}",
        if lock { " FOR UPDATE" } else { "" }
    );
    let Some(row) = sqlx::query_as::<_, PropertyRow>(&sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .storage()?
    else {
        return Ok(None);
    };
    let owners: Vec<(Uuid, i32)> = sqlx::query_as(
        "SELECT owner_id, share_bp FROM properties.property_owners WHERE property_id = $1 ORDER BY owner_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await
    .storage()?;
    let photos: Vec<(Uuid, i32)> = sqlx::query_as(
        "SELECT id, position FROM properties.photos WHERE property_id = $1 ORDER BY position, id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await
    .storage()?;
    let owners = owners
        .into_iter()
        .map(|(owner_id, share)| {
            Ok(OwnerShare {
                owner_id,
                share_bp: to_u32(share, "share")?,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let photos = photos
        .into_iter()
        .map(|(id, position)| {
            Ok(PhotoRef {
                id,
                position: to_u32(position, "photo position")?,
            })
        })
        .collect::<Result<_, AppError>>()?;
    row.into_domain(owners, photos).map(Some)
}
