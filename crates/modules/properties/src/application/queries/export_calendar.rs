//! `ExportCalendarQuery`: the `.ics` of a property, for whoever holds its secret token.

use chrono::Duration;
use sejour_core::AppError;
use sejour_infrastructure::db::storage_error;
use uuid::Uuid;

use crate::{
    domain::calendar::OccupationKind,
    infrastructure::{
        PgPropertyRepository, calendar,
        ical::export::{ExportedRange, SUMMARY_NOT_AVAILABLE, SUMMARY_RESERVED, export_calendar},
    },
};

/// How far back and ahead the export goes.
const PAST_DAYS: i64 = 90;
const FUTURE_DAYS: i64 = 730;

/// The RFC 5545 calendar of occupied ranges (no guest data); 404 for a wrong token, so
/// that a guessed id reveals nothing.
pub async fn export_ics(
    repo: &PgPropertyRepository,
    property_id: Uuid,
    token: &str,
) -> Result<String, AppError> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT name, ical_token FROM properties.properties WHERE id = $1")
            .bind(property_id)
            .fetch_optional(repo.pool())
            .await
            .map_err(storage_error)?;
    let Some((name, expected)) = row else {
        return Err(AppError::not_found("calendar"));
    };
    if !sejour_infrastructure::secrets::same_secret(token, &expected) {
        return Err(AppError::not_found("calendar"));
    }
    let today = repo.clock().today();
    let occupations = calendar::list(
        repo.pool(),
        property_id,
        today - Duration::days(PAST_DAYS),
        today + Duration::days(FUTURE_DAYS),
    )
    .await?;
    let ranges: Vec<ExportedRange> = occupations
        .iter()
        .map(|o| ExportedRange {
            uid_seed: o.id,
            dates: o.dates,
            summary: if o.kind == OccupationKind::Reservation {
                SUMMARY_RESERVED
            } else {
                SUMMARY_NOT_AVAILABLE
            },
        })
        .collect();
    Ok(export_calendar(
        &name,
        property_id,
        &ranges,
        repo.clock().now(),
    ))
}
