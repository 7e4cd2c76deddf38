//! `GetCalendarQuery`: the occupied ranges of a property between two dates, and the
//! calendar board: those of many properties at once, in one read.

use std::collections::HashMap;

use chrono::NaiveDate;
use sejour_core::{AppError, Ctx, FieldError};
use uuid::Uuid;

use crate::{
    application::{
        Properties,
        access::{Access, View},
        queries::list_properties::{ListPropertiesQuery, PropertySummary, list_properties},
    },
    domain::calendar::Occupation,
};

/// The longest window one request may ask for.
pub const MAX_DAYS: i64 = 731;

/// One row of the calendar board: a property and its occupations in the window.
#[derive(Debug, Clone)]
pub struct PropertyCalendar {
    /// The property.
    pub property: PropertySummary,
    /// Its occupations overlapping the window, in date order.
    pub occupations: Vec<Occupation>,
}

fn check_window(from: NaiveDate, to: NaiveDate) -> Result<(), AppError> {
    if to <= from || (to - from).num_days() > MAX_DAYS {
        return Err(AppError::validation(vec![FieldError::new(
            "to",
            "calendar.invalid_window",
            format!("`to` must be after `from`, at most {MAX_DAYS} days later."),
        )]));
    }
    Ok(())
}

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
    check_window(from, to)?;
    let property = app
        .repo
        .find_by_id(property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    let view = access.view(&ctx.actor, &property).await?;
    let occupations = app.calendar.list(&[property_id], from, to).await?;
    Ok((occupations, view))
}

/// The calendar board: the properties of the back-office list (staff: all, an owner:
/// theirs; guests 403), each with its occupations overlapping `[from, to)`, read with
/// two statements whatever the number of properties.
#[doc(alias = "GetCalendarBoardHandler")]
pub async fn get_calendar_board(
    app: &Properties,
    access: &Access,
    ctx: &Ctx,
    properties: ListPropertiesQuery,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<PropertyCalendar>, AppError> {
    check_window(from, to)?;
    let properties = list_properties(app, access, ctx, properties).await?;
    let ids: Vec<Uuid> = properties.iter().map(|p| p.id).collect();
    let mut by_property: HashMap<Uuid, Vec<Occupation>> = HashMap::new();
    for occupation in app.calendar.list(&ids, from, to).await? {
        by_property
            .entry(occupation.property_id)
            .or_default()
            .push(occupation);
    }
    Ok(properties
        .into_iter()
        .map(|property| PropertyCalendar {
            occupations: by_property.remove(&property.id).unwrap_or_default(),
            property,
        })
        .collect())
}
