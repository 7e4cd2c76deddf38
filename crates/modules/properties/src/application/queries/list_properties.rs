//! `ListPropertiesQuery`: the back-office list — staff see every property, an owner
//! sees theirs.

use sejour_core::{Actor, AppError, Ctx};
use uuid::Uuid;

pub use crate::domain::repositories::PropertySummary;
use crate::{
    application::{Properties, access::Access},
    domain::{property::PropertyStatus, repositories::ManagedFilter},
};

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
#[doc(alias = "ListPropertiesHandler")]
pub async fn list_properties(
    app: &Properties,
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
    app.repo
        .list_managed(&ManagedFilter {
            status: query.status,
            owner_id: query.owner_id,
            q: query.q,
            before: query.before,
            fetch: query.fetch,
        })
        .await
}
