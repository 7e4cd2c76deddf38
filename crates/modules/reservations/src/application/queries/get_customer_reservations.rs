//! `GetCustomerReservationsQuery`: the signed-in user's own bookings, newest first.

use sejour_core::{
    AppError, Ctx,
    authz::require_user,
    paging::{check_limit, split_page},
};

use super::{ReservationCursor, ReservationsPage};
use crate::{application::Reservations, domain::ReservationFilter};

/// `GetCustomerReservationsHandler`: a page of the caller's bookings (`limit` 1–100, default 20); 401 when signed out.
#[doc(alias("GetCustomerReservationsQuery", "GetCustomerReservationsHandler"))]
pub async fn get_customer_reservations(
    svc: &Reservations,
    ctx: &Ctx,
    cursor: Option<ReservationCursor>,
    limit: Option<u32>,
) -> Result<ReservationsPage, AppError> {
    let (me, _) = require_user(&ctx.actor)?;
    let limit = check_limit(limit).map_err(|e| AppError::validation(vec![e]))?;
    let filter = ReservationFilter {
        customer_id: Some(me),
        before: cursor.map(|c| (c.created_at, c.id)),
        ..ReservationFilter::default()
    };
    let rows = svc
        .reservations
        .search(&filter, i64::from(limit) + 1)
        .await?;
    let (items, next_cursor) = split_page(rows, limit, |r| ReservationCursor::from(r));
    Ok(ReservationsPage { items, next_cursor })
}
