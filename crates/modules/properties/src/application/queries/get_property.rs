//! `GetPropertyQuery`: one property, as much of it as the caller may see.

use sejour_core::{AppError, Ctx};
use uuid::Uuid;

use crate::{
    application::{
        Properties,
        access::{Access, View},
    },
    domain::property::Property,
};

/// The property and how much of it the caller sees; 404 when they may not see it.
#[doc(alias = "GetPropertyHandler")]
pub async fn get_property(
    app: &Properties,
    access: &Access,
    ctx: &Ctx,
    id: Uuid,
) -> Result<(Property, View), AppError> {
    let property = app
        .repo
        .find_by_id(id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    let view = access.view(&ctx.actor, &property).await?;
    Ok((property, view))
}
