//! `BlockDatesCommand` and `ReleaseBlockCommand`: owner stays and maintenance on the
//! calendar shared with reservations.

use sejour_core::{AppError, Ctx, FieldError, value_objects::DateRange};
use sejour_infrastructure::db::storage_error;
use uuid::Uuid;

use crate::{
    application::access::Access,
    domain::{
        calendar::{Occupation, OccupationKind},
        events::PropertyEvent,
    },
    infrastructure::{PgPropertyRepository, calendar},
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

/// Blocks dates (staff); 409 `calendar.period_unavailable` when they overlap anything —
/// an adjacent block (end = next start) is fine. Returns the block's id.
pub async fn block_dates(
    repo: &PgPropertyRepository,
    access: &Access,
    ctx: &Ctx,
    cmd: BlockDatesCommand,
) -> Result<Uuid, AppError> {
    access.require_manager(&ctx.actor)?;
    if !matches!(
        cmd.kind,
        OccupationKind::OwnerStay | OccupationKind::Maintenance
    ) {
        return Err(AppError::validation(vec![FieldError::new(
            "kind",
            "calendar.invalid_block_kind",
            "A block is an owner_stay or a maintenance.",
        )]));
    }
    let mut tx = repo.begin().await?;
    repo.get_for_update(&mut tx, cmd.property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    let occupation = Occupation {
        id: repo.ids().new_id(),
        property_id: cmd.property_id,
        dates: cmd.dates,
        kind: cmd.kind,
        reference: None,
        feed_id: None,
        note: cmd.note,
    };
    calendar::occupy(&mut tx, &occupation, repo.clock().now()).await?;
    let event = PropertyEvent::AvailabilityBlocked {
        property_id: cmd.property_id,
        occupation_id: occupation.id,
        kind: cmd.kind.as_str().to_owned(),
        start: cmd.dates.start(),
        end: cmd.dates.end(),
    };
    repo.publish(&mut tx, ctx, &event).await?;
    tx.commit().await.map_err(storage_error)?;
    Ok(occupation.id)
}

/// Frees a block (staff); reservations are freed by cancelling them, not here.
pub async fn release_block(
    repo: &PgPropertyRepository,
    access: &Access,
    ctx: &Ctx,
    property_id: Uuid,
    block_id: Uuid,
) -> Result<(), AppError> {
    access.require_manager(&ctx.actor)?;
    let mut tx = repo.begin().await?;
    let existing = calendar::list_one(&mut *tx, property_id, block_id).await?;
    match existing {
        Some(o)
            if matches!(
                o.kind,
                OccupationKind::OwnerStay | OccupationKind::Maintenance
            ) => {}
        Some(_) => {
            return Err(AppError::rule(
                "calendar.not_a_block",
                "Only owner stays and maintenance blocks are released here.",
            ));
        }
        None => return Err(AppError::not_found("block")),
    }
    let Some(released) = calendar::release(&mut tx, property_id, block_id).await? else {
        return Err(AppError::not_found("block"));
    };
    let event = PropertyEvent::AvailabilityReleased {
        property_id,
        occupation_id: block_id,
        start: released.dates.start(),
        end: released.dates.end(),
    };
    repo.publish(&mut tx, ctx, &event).await?;
    tx.commit().await.map_err(storage_error)
}
