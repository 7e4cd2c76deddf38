//! `ListPropertiesQuery`: the back-office list — staff see every property, an owner
//! sees theirs.

use sejour_core::{Actor, AppError, Ctx};
use sejour_infrastructure::{db::storage_error, store::escape_like};
use uuid::Uuid;

use crate::{
    application::access::Access, domain::property::PropertyStatus,
    infrastructure::PgPropertyRepository,
};

/// A row of the back-office list.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
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

/// Filters.
#[derive(Debug, Clone, Default)]
pub struct ListPropertiesQuery {
    /// Only this status.
    pub status: Option<PropertyStatus>,
    /// Only this owner's.
    pub owner_id: Option<Uuid>,
    /// Name or city contains (case-insensitive).
    pub q: Option<String>,
    /// Ids below this one (cursor).
    pub before: Option<Uuid>,
    /// Page size + 1.
    pub fetch: i64,
}

/// Lists properties newest first; guests get 403.
pub async fn list_properties(
    repo: &PgPropertyRepository,
    access: &Access,
    ctx: &Ctx,
    mut query: ListPropertiesQuery,
) -> Result<Vec<PropertySummary>, AppError> {
    match &ctx.actor {
        Actor::User { role, .. } if role.is_staff() => {}
        _ => match access.owner_of(&ctx.actor).await? {
            Some(owner) => query.owner_id = Some(owner),
            None => {
                return Err(sejour_core::authz::require_staff(&ctx.actor)
                    .err()
                    .unwrap_or_else(AppError::forbidden));
            }
        },
    }
    let pattern = query.q.as_deref().map(|q| format!("%{}%", escape_like(q)));
    sqlx::query_as(
        "SELECT p.id, p.slug, p.name, p.status, p.city, p.max_guests FROM properties.properties p \
          WHERE ($1::text IS NULL OR p.status = $1) \
            AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM properties.property_owners o WHERE o.property_id = p.id AND o.owner_id = $2)) \
            AND ($3::text IS NULL OR p.name ILIKE $3 OR p.city ILIKE $3) \
            AND ($4::uuid IS NULL OR p.id < $4) \
          ORDER BY p.id DESC LIMIT $5",
    )
    .bind(query.status.map(PropertyStatus::as_str))
    .bind(query.owner_id)
    .bind(pattern)
    .bind(query.before)
    .bind(query.fetch)
    .fetch_all(repo.pool())
    .await
    .map_err(storage_error)
}
