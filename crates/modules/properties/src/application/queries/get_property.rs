//! `GetPropertyQuery`: one property, as much of it as the caller may see.

use sejour_core::{AppError, Ctx};
use uuid::Uuid;

use crate::{
    application::access::{Access, View},
    domain::property::Property,
    infrastructure::PgPropertyRepository,
};

/// The property and how much of it the caller sees; 404 when they may not see it.
pub async fn get_property(
    repo: &PgPropertyRepository,
    access: &Access,
    ctx: &Ctx,
    id: Uuid,
) -> Result<(Property, View), AppError> {
    let property = repo
        .get(id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    let view = access.view(&ctx.actor, &property).await?;
    Ok((property, view))
}
