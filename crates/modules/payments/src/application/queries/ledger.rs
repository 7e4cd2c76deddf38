//! `LedgerBalancesQuery`: every account's balance — the owners' balances, the agency's
//! revenue, the tourist tax due per commune, the client funds — for staff, and an
//! owner's own balance for that owner. `ReservationLedgerQuery`: a stay's entries, for
//! staff.

use sejour_core::{Actor, AppError, Ctx, Role, authz::require_staff};
use uuid::Uuid;

use crate::{
    application::Payments,
    domain::{Account, AccountBalance, JournalEntry},
};

/// `LedgerBalancesHandler`: staff see every account; an owner sees their own (403 for
/// anyone else).
#[doc(alias = "LedgerBalancesHandler")]
pub async fn ledger_balances(app: &Payments, ctx: &Ctx) -> Result<Vec<AccountBalance>, AppError> {
    if let Actor::User {
        role: Role::Owner, ..
    } = ctx.actor
    {
        let Some(owner) = app.owners.owner_of_actor(&ctx.actor).await? else {
            return Ok(Vec::new());
        };
        return app.ledger.balances(Some(&Account::Owner(owner))).await;
    }
    require_staff(&ctx.actor)?;
    app.ledger.balances(None).await
}

/// `ReservationLedgerHandler`: the entries of a stay, in posting order (staff; 403
/// otherwise).
#[doc(alias = "ReservationLedgerHandler")]
pub async fn reservation_ledger(
    app: &Payments,
    ctx: &Ctx,
    reservation_id: Uuid,
) -> Result<Vec<JournalEntry>, AppError> {
    require_staff(&ctx.actor)?;
    app.book.payable(ctx, reservation_id).await?;
    app.ledger.of_reservation(reservation_id).await
}
