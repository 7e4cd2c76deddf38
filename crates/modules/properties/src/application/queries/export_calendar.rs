//! `ExportCalendarQuery`: the occupied ranges of a property to publish as `.ics`, for
//! whoever holds its secret token.

use chrono::{DateTime, Duration, Utc};
use sejour_core::AppError;
use uuid::Uuid;

use crate::{application::Properties, domain::calendar::Occupation};

/// How far back and ahead the export goes.
const PAST_DAYS: i64 = 90;
const FUTURE_DAYS: i64 = 730;

/// What a property's published calendar shows (no guest data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarExport {
    /// The property's name.
    pub name: String,
    /// The occupations from 90 days ago to two years ahead.
    pub occupations: Vec<Occupation>,
    /// When it was produced.
    pub generated_at: DateTime<Utc>,
}

/// The calendar to export; 404 for a wrong token, so that a guessed id reveals nothing.
#[doc(alias = "ExportCalendarHandler")]
pub async fn export_calendar(
    app: &Properties,
    property_id: Uuid,
    token: &str,
) -> Result<CalendarExport, AppError> {
    let name = app
        .repo
        .name_for_export(property_id, token)
        .await?
        .ok_or_else(|| AppError::not_found("calendar"))?;
    let today = app.clock.today();
    let occupations = app
        .calendar
        .list(
            &[property_id],
            today - Duration::days(PAST_DAYS),
            today + Duration::days(FUTURE_DAYS),
        )
        .await?;
    Ok(CalendarExport {
        name,
        occupations,
        generated_at: app.clock.now(),
    })
}
