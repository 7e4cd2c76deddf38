//! `GetDepositQuery`: the security deposit of a booking — the card kept for it and the
//! holds placed on it — for whoever sees the booking in full (its guest, staff).

use sejour_core::{AppError, Ctx};
use uuid::Uuid;

use crate::{
    application::Payments,
    domain::{DepositHold, KeptCard},
};

/// `GetDepositHandler`: 404 as for the booking.
#[doc(alias = "GetDepositHandler")]
pub async fn get_deposit(
    app: &Payments,
    ctx: &Ctx,
    reservation_id: Uuid,
) -> Result<(Option<KeptCard>, Vec<DepositHold>), AppError> {
    app.book.payable(ctx, reservation_id).await?;
    let card = app.deposits.card(reservation_id).await?;
    let holds = app.deposits.of_reservation(reservation_id).await?;
    Ok((card, holds))
}
