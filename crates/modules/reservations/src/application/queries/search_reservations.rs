//! `SearchReservationsQuery`: staff search every reservation by property, owner, status,
//! stay period and guest; an owner searches the reservations of their properties (and
//! sees them reduced, see [`crate::application::access::View::Owner`]).

use chrono::NaiveDate;
use sejour_core::{
    AppError, Ctx, FieldError, Role,
    authz::require_user,
    cqrs::Query,
    paging::{check_list, split_page},
};
use uuid::Uuid;

use super::{ReservationCursor, ReservationsPage};
use crate::{
    application::Reservations,
    domain::{ReservationFilter, ReservationStatus},
};

/// The longest search text accepted, in characters.
pub const MAX_Q_LENGTH: usize = 200;

/// What to look for; every given filter must match.
#[derive(Debug, Clone, Default)]
pub struct SearchReservationsQuery {
    /// Of this property.
    pub property_id: Option<Uuid>,
    /// Of this owner's properties (staff).
    pub owner_id: Option<Uuid>,
    /// In this status.
    pub status: Option<ReservationStatus>,
    /// Staying on or after this day.
    pub from: Option<NaiveDate>,
    /// Arriving before this day.
    pub to: Option<NaiveDate>,
    /// Text in the guest's names or email (staff).
    pub q: Option<String>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<ReservationCursor>,
    /// Per page, 1 to 100 (default 20).
    pub limit: Option<u32>,
}

impl Query for SearchReservationsQuery {
    type Output = ReservationsPage;
}

/// A page of matching reservations, newest first. Staff see all; owners those of their
/// properties; guests get 403 (theirs are under `/me/reservations`).
#[doc(alias = "SearchReservationsHandler")]
pub async fn search_reservations(
    svc: &Reservations,
    ctx: &Ctx,
    query: SearchReservationsQuery,
) -> Result<ReservationsPage, AppError> {
    let (_, role) = require_user(&ctx.actor)?;
    let limit = validate(&query)?;
    let mut property_ids = match query.owner_id {
        Some(owner) => Some(svc.catalog.properties_of(owner).await?),
        None => None,
    };
    match role {
        Role::Admin | Role::Manager => {}
        Role::Owner => {
            let Some(me) = svc.owner_of(&ctx.actor).await? else {
                return Ok(ReservationsPage {
                    items: Vec::new(),
                    next_cursor: None,
                });
            };
            if query.q.is_some() {
                return Err(AppError::forbidden());
            }
            let mine = svc.catalog.properties_of(me).await?;
            property_ids = Some(match property_ids {
                Some(asked) => asked.into_iter().filter(|p| mine.contains(p)).collect(),
                None => mine,
            });
        }
        Role::Guest => return Err(AppError::forbidden()),
    }
    if let Some(property) = query.property_id {
        property_ids = Some(match property_ids {
            Some(ids) => ids.into_iter().filter(|p| *p == property).collect(),
            None => vec![property],
        });
    }
    let filter = ReservationFilter {
        property_ids,
        status: query.status,
        from: query.from,
        to: query.to,
        q: query
            .q
            .map(|q| q.trim().to_owned())
            .filter(|q| !q.is_empty()),
        before: query.cursor.map(|c| (c.created_at, c.id)),
        ..ReservationFilter::default()
    };
    let rows = svc
        .reservations
        .search(&filter, i64::from(limit) + 1)
        .await?;
    let (items, next_cursor) = split_page(rows, limit, |r| ReservationCursor::from(r));
    Ok(ReservationsPage { items, next_cursor })
}

/// The page size, or every problem with the query.
fn validate(query: &SearchReservationsQuery) -> Result<u32, AppError> {
    let mut errors = Vec::new();
    let limit = check_list(
        query.limit,
        query.q.as_deref(),
        MAX_Q_LENGTH,
        "reservations.q_too_long",
        &mut errors,
    );
    if let (Some(from), Some(to)) = (query.from, query.to)
        && to <= from
    {
        errors.push(FieldError::new(
            "to",
            "reservations.empty_period",
            "to must be after from",
        ));
    }
    if errors.is_empty() {
        Ok(limit)
    } else {
        Err(AppError::validation(errors))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn given_bad_parameters_when_validating_then_each_is_listed() {
        let day = |d| NaiveDate::from_ymd_opt(2027, 7, d).unwrap();
        let err = validate(&SearchReservationsQuery {
            limit: Some(500),
            q: Some("x".repeat(201)),
            from: Some(day(10)),
            to: Some(day(10)),
            ..SearchReservationsQuery::default()
        })
        .unwrap_err();
        let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["limit", "q", "to"]);
    }
}
