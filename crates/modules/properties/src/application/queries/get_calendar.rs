//! `GetCalendarQuery`: the occupied ranges of a property between two dates.

use chrono::NaiveDate;
use sejour_core::{AppError, Ctx, FieldError};
use uuid::Uuid;

use crate::{
    application::{
        Properties,
        access::{Access, View},
    },
    domain::calendar::Occupation,
};

/// The longest window one request may ask for.
pub const MAX_DAYS: i64 = 731;

/// Occupied ranges overlapping `[from, to)`, and whether the caller sees details (kind,
/// reference, note) or only the ranges (the public).
#[doc(alias = "GetCalendarHandler")]
pub async fn get_calendar(
    app: &Properties,
    access: &Access,
    ctx: &Ctx,
    property_id: Uuid,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(Vec<Occupation>, View), AppError> {
    if to <= from || (to - from).num_days() > MAX_DAYS {
        return Err(AppError::validation(vec![FieldError::new(
            "to",
            "calendar.invalid_window",
            format!("`to` must be after `from`, at most {MAX_DAYS} days later."),
        )]));
    }
    let property = app
        .repo
        .find_by_id(property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    let view = access.view(&ctx.actor, &property).await?;
    let occupations = app.calendar.list(property_id, from, to).await?;
    Ok((occupations, view))
}
