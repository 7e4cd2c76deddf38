//! `BlockDatesCommand` and `ReleaseBlockCommand`: owner stays and maintenance on the
//! calendar shared with reservations.

use sejour_core::{AppError, Ctx, FieldError, authz, value_objects::DateRange};
use uuid::Uuid;

use crate::{
    application::{Properties, access::Access},
    domain::{
        calendar::{Occupation, OccupationKind},
        events::{AvailabilityBlocked, AvailabilityReleased, PropertyEvent},
        services::PropertyAvailabilityService,
    },
};

/// Dates to block.
#[derive(Debug, Clone)]
pub struct BlockDatesCommand {
    /// The property.
    pub property_id: Uuid,
    /// The nights: [start, end).
    pub dates: DateRange,
    /// `owner_stay` or `maintenance`.
    pub kind: OccupationKind,
    /// A note for staff.
    pub note: Option<String>,
}

/// Blocks dates: staff any block, an owner of the property their own stays
/// (`Access::require_block_rights`); 409 `calendar.period_unavailable` when they overlap
/// anything — an adjacent block (end = next start) is fine. Returns the block's id.
#[doc(alias = "BlockDatesHandler")]
pub async fn block_dates(
    app: &Properties,
    access: &Access,
    ctx: &Ctx,
    cmd: BlockDatesCommand,
) -> Result<Uuid, AppError> {
    authz::require_user(&ctx.actor)?;
    if !PropertyAvailabilityService::is_staff_block(cmd.kind) {
        return Err(AppError::validation(vec![FieldError::new(
            "kind",
            "calendar.invalid_block_kind",
            "A block is an owner_stay or a maintenance.",
        )]));
    }
    let mut tx = app.uow.begin().await?;
    let property = app
        .repo
        .find_for_update(&mut tx, cmd.property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    access
        .require_block_rights(&ctx.actor, &property, cmd.kind)
        .await?;
    let occupation = Occupation {
        id: app.ids.new_id(),
        property_id: cmd.property_id,
        dates: cmd.dates,
        kind: cmd.kind,
        reference: None,
        feed_id: None,
        note: cmd.note,
    };
    app.calendar.occupy(&mut tx, &occupation).await?;
    let event = PropertyEvent::AvailabilityBlocked(AvailabilityBlocked {
        property_id: cmd.property_id,
        occupation_id: occupation.id,
        kind: cmd.kind.as_str().to_owned(),
        start: cmd.dates.start(),
        end: cmd.dates.end(),
    });
    app.repo.publish(&mut tx, ctx, &event).await?;
    app.uow.commit(tx).await?;
    Ok(occupation.id)
}

/// Frees a block (staff any, an owner of the property their own stays); reservations are
/// freed by cancelling them, not here.
#[doc(alias = "ReleaseBlockHandler")]
pub async fn release_block(
    app: &Properties,
    access: &Access,
    ctx: &Ctx,
    property_id: Uuid,
    block_id: Uuid,
) -> Result<(), AppError> {
    authz::require_user(&ctx.actor)?;
    let mut tx = app.uow.begin().await?;
    let property = app
        .repo
        .find_for_update(&mut tx, property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    match app.calendar.find(&mut tx, property_id, block_id).await? {
        Some(o) if PropertyAvailabilityService::is_staff_block(o.kind) => {
            access
                .require_block_rights(&ctx.actor, &property, o.kind)
                .await?;
        }
        Some(_) => {
            return Err(AppError::rule(
                "calendar.not_a_block",
                "Only owner stays and maintenance blocks are released here.",
            ));
        }
        None => return Err(AppError::not_found("block")),
    }
    let Some(released) = app.calendar.release(&mut tx, property_id, block_id).await? else {
        return Err(AppError::not_found("block"));
    };
    let event = PropertyEvent::AvailabilityReleased(AvailabilityReleased {
        property_id,
        occupation_id: block_id,
        start: released.dates.start(),
        end: released.dates.end(),
    });
    app.repo.publish(&mut tx, ctx, &event).await?;
    app.uow.commit(tx).await
}
