//! `PropertyRepository`: the property aggregate, its photos, its outbox events, and the
//! catalogue's reads (back-office list, public search).

use async_trait::async_trait;
use sejour_core::{AppError, Ctx, Tx};
use uuid::Uuid;

use crate::domain::{
    events::PropertyEvent,
    photo::PhotoRecord,
    property::{Property, PropertyStatus},
    search::{Candidate, SearchFilter},
};

/// A row of the back-office list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertySummary {
    /// Id.
    pub id: Uuid,
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Status.
    pub status: String,
    /// City.
    pub city: String,
    /// Max guests.
    pub max_guests: i32,
}

/// Filters of the back-office list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ManagedFilter {
    /// Only this status.
    pub status: Option<PropertyStatus>,
    /// Only this owner's.
    pub owner_id: Option<Uuid>,
    /// Name or city contains (case-insensitive, taken literally).
    pub q: Option<String>,
    /// Ids below this one (cursor).
    pub before: Option<Uuid>,
    /// Rows to read at most.
    pub fetch: i64,
}

/// Stores and loads properties; saving one writes its pending events on the outbox in the
/// same transaction.
#[async_trait]
pub trait PropertyRepository: Send + Sync + 'static {
    /// A property, as stored.
    async fn find_by_id(&self, id: Uuid) -> Result<Option<Property>, AppError>;

    /// A property, locked until `tx` ends (one change of a property at a time).
    async fn find_for_update(&self, tx: &mut Tx, id: Uuid) -> Result<Option<Property>, AppError>;

    /// Stores a new property under a unique slug (the slug is updated) with a fresh
    /// secret for its calendar export, and publishes its events.
    async fn create(&self, tx: &mut Tx, ctx: &Ctx, property: &mut Property)
    -> Result<(), AppError>;

    /// Saves the changes of `property` and publishes its events; 412
    /// `property.version_mismatch` when the stored version moved meanwhile.
    async fn save(&self, tx: &mut Tx, ctx: &Ctx, property: &mut Property) -> Result<(), AppError>;

    /// Writes an event of a property (calendar, photos) on the outbox.
    async fn publish(&self, tx: &mut Tx, ctx: &Ctx, event: &PropertyEvent) -> Result<(), AppError>;

    /// The properties `owner_id` has a share of.
    async fn ids_of_owner(&self, owner_id: Uuid) -> Result<Vec<Uuid>, AppError>;

    /// The back-office list, newest first.
    async fn list_managed(&self, filter: &ManagedFilter) -> Result<Vec<PropertySummary>, AppError>;

    /// Up to `limit` published candidates of a public search (free for its stay, if any)
    /// after its cursor, in its order.
    async fn search(&self, filter: &SearchFilter, limit: i64) -> Result<Vec<Candidate>, AppError>;

    /// The property's name when `token` is the secret of its calendar export.
    async fn name_for_export(&self, id: Uuid, token: &str) -> Result<Option<String>, AppError>;

    /// Replaces the secret of the property's calendar export; the new one, or `None`
    /// when there is no such property.
    async fn rotate_export_token(&self, id: Uuid) -> Result<Option<String>, AppError>;

    /// A property's photos, in order.
    async fn photos(&self, property_id: Uuid) -> Result<Vec<PhotoRecord>, AppError>;

    /// One photo of a property.
    async fn photo(&self, property_id: Uuid, id: Uuid) -> Result<Option<PhotoRecord>, AppError>;

    /// Adds a photo at the end of the gallery; its position.
    async fn add_photo(&self, tx: &mut Tx, photo: &PhotoRecord) -> Result<i32, AppError>;

    /// Changes a photo's caption and/or moves it to `position` (others shift); whether
    /// there was such a photo.
    async fn update_photo(
        &self,
        tx: &mut Tx,
        property_id: Uuid,
        id: Uuid,
        caption: Option<&str>,
        position: Option<i32>,
    ) -> Result<bool, AppError>;

    /// Removes a photo and closes the gap in positions; what it was.
    async fn remove_photo(
        &self,
        tx: &mut Tx,
        property_id: Uuid,
        id: Uuid,
    ) -> Result<Option<PhotoRecord>, AppError>;
}
