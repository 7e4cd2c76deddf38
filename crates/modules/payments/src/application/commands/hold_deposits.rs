//! The security deposit (see [`crate::domain::deposit`]):
//!
//! - the scheduler's `payments.hold_deposits` (`HoldDepositsCommand`, daily): holds the
//!   deposit of confirmed bookings arriving within two days on the card their guest saved,
//!   renews holds about to lapse while still needed, and releases those whose stay ended
//!   a week ago (or was cancelled). A card that refuses is reported to the agency; the
//!   next run tries again.
//! - `ClaimDepositCommand`: a manager takes (part of) the held deposit for damage.

use sejour_core::{AppError, Ctx, authz::require_staff, mail::MailMessage, value_objects::Money};
use uuid::Uuid;

use crate::{
    application::{Payments, provider_failed},
    domain::{
        DepositHold, GatewayError, HoldRequest,
        deposit::{HOLD_BEFORE_ARRIVAL_DAYS, release_on},
    },
};

/// The job's name; the scheduler enqueues it.
pub const JOB: &str = "payments.hold_deposits";

/// Bookings handled per run and step at most (the next run takes the rest).
const BATCH: i64 = 500;

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HoldsDone {
    /// Holds placed.
    pub placed: u64,
    /// Holds replaced before they lapsed.
    pub renewed: u64,
    /// Holds given back.
    pub released: u64,
}

/// Tells the agency that a guest's card refused what `what` says.
pub(super) async fn tell_agency(
    app: &Payments,
    ctx: &Ctx,
    reservation_id: Uuid,
    what: &str,
) -> Result<(), AppError> {
    let link = format!(
        "{}/fr/admin/reservations/{reservation_id}",
        app.public_url.trim_end_matches('/')
    );
    let message = MailMessage {
        to: app.agency_email.clone(),
        subject: format!("Carte refusée — {what}"),
        text: format!(
            "La carte enregistrée par le voyageur a refusé : {what}.\n\
             Réservation : {link}\n\nThe guest's saved card refused: {what}.\nBooking: {link}\n"
        ),
    };
    let mut tx = app.uow.begin().await?;
    app.mail.enqueue(&mut tx, ctx, &message).await?;
    app.uow.commit(tx).await
}

/// Holds `amount` for the booking on its saved card, replacing `previous` (a renewal):
/// whether it is held now. A refusal is recorded (`DepositHoldFailed`) and reported.
async fn place(
    app: &Payments,
    ctx: &Ctx,
    reservation_id: Uuid,
    amount: Money,
    previous: Option<DepositHold>,
) -> Result<bool, AppError> {
    let Some(kept) = app.deposits.card(reservation_id).await? else {
        tracing::info!(%reservation_id, "no saved card: the deposit is not held");
        return Ok(false);
    };
    let gateway = app.gateway_named(&kept.provider)?;
    let id = app.ids.new_id();
    let request = HoldRequest {
        hold_id: id,
        card: kept.card.reference.clone(),
        amount,
        description: format!("Dépôt de garantie — security deposit {reservation_id}"),
    };
    let now = app.clock.now();
    let (hold, event) = match gateway.authorize(&request).await {
        Ok(auth) => DepositHold::held(
            id,
            reservation_id,
            gateway.name(),
            auth.provider_ref,
            amount,
            auth.expires_at,
            now,
        ),
        Err(GatewayError::Refused(reason)) => {
            DepositHold::refused(id, reservation_id, gateway.name(), amount, reason, now)
        }
        Err(e) => return Err(provider_failed(e)),
    };
    let held = hold.provider_ref.is_some();
    let mut tx = app.uow.begin().await?;
    let mut replaced = None;
    if let Some(mut old) = previous.filter(|_| held) {
        let renewed = old.renew(now)?;
        app.deposits.save(&mut tx, ctx, &old, vec![renewed]).await?;
        replaced = old.provider_ref;
    }
    if !app
        .deposits
        .insert(&mut tx, ctx, &hold, vec![event])
        .await?
    {
        // Held meanwhile by another run: give this one back.
        drop(tx);
        if let Some(reference) = &hold.provider_ref {
            gateway.release(reference).await.map_err(provider_failed)?;
        }
        return Ok(false);
    }
    app.uow.commit(tx).await?;
    if let Some(reference) = replaced {
        gateway.release(&reference).await.map_err(provider_failed)?;
    }
    if !held {
        tell_agency(
            app,
            ctx,
            reservation_id,
            "le dépôt de garantie / the security deposit",
        )
        .await?;
    }
    Ok(held)
}

/// Gives the live hold of a booking back.
async fn release(app: &Payments, ctx: &Ctx, hold: &DepositHold) -> Result<bool, AppError> {
    let gateway = app.gateway_named(&hold.provider)?;
    let mut tx = app.uow.begin().await?;
    let Some(mut live) = app
        .deposits
        .live_for_update(&mut tx, hold.reservation_id)
        .await?
    else {
        return Ok(false);
    };
    if let Some(reference) = &live.provider_ref {
        gateway.release(reference).await.map_err(provider_failed)?;
    }
    let released = live.release(app.clock.now())?;
    app.deposits
        .save(&mut tx, ctx, &live, vec![released])
        .await?;
    app.uow.commit(tx).await?;
    Ok(true)
}

/// `HoldDepositsHandler`: one run of the job.
#[doc(alias = "HoldDepositsHandler")]
pub async fn hold_deposits(app: &Payments) -> Result<HoldsDone, AppError> {
    let ctx = Ctx::system(JOB, app.ids.new_id().to_string());
    let today = app.clock.today();
    let mut done = HoldsDone::default();
    let until = today + chrono::Duration::days(HOLD_BEFORE_ARRIVAL_DAYS);
    for id in app.book.arriving(today, until, BATCH).await? {
        if app
            .deposits
            .of_reservation(id)
            .await?
            .iter()
            .any(|h| h.status != crate::domain::HoldStatus::Failed)
        {
            continue;
        }
        let booking = app.book.payable(&ctx, id).await?;
        if place(app, &ctx, id, booking.security_deposit, None).await? {
            done.placed += 1;
        }
    }
    for hold in app.deposits.live(BATCH).await? {
        let booking = app.book.payable(&ctx, hold.reservation_id).await?;
        let release_day = release_on(booking.check_out);
        if booking.status == "cancelled" || today >= release_day {
            if release(app, &ctx, &hold).await? {
                done.released += 1;
            }
        } else if hold.needs_renewal(app.clock.now(), release_day)
            && place(
                app,
                &ctx,
                hold.reservation_id,
                hold.amount,
                Some(hold.clone()),
            )
            .await?
        {
            done.renewed += 1;
        }
    }
    Ok(done)
}

/// A damage claim on the security deposit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimDepositCommand {
    /// The booking.
    pub reservation_id: Uuid,
    /// How much to take.
    pub amount: Money,
    /// What for (shown to the guest, kept in the audit trail).
    pub reason: String,
}

/// `ClaimDepositHandler` (staff, 403 otherwise): takes `amount` of the live hold through
/// the gateway, the rest given back (`DepositCaptured`). 404 as for the booking; 409
/// `deposit.not_held` without a live hold; 422 `deposit.claim_exceeds_hold`.
#[doc(alias = "ClaimDepositHandler")]
pub async fn claim_deposit(
    app: &Payments,
    ctx: &Ctx,
    command: ClaimDepositCommand,
) -> Result<DepositHold, AppError> {
    require_staff(&ctx.actor)?;
    app.book.payable(ctx, command.reservation_id).await?;
    let mut tx = app.uow.begin().await?;
    let mut hold = app
        .deposits
        .live_for_update(&mut tx, command.reservation_id)
        .await?
        .ok_or(crate::domain::DepositError::NotHeld)?;
    let captured = hold.claim(command.amount, &command.reason, app.clock.now())?;
    let gateway = app.gateway_named(&hold.provider)?;
    if let Some(reference) = &hold.provider_ref {
        gateway
            .capture(reference, command.amount)
            .await
            .map_err(provider_failed)?;
    }
    app.deposits
        .save(&mut tx, ctx, &hold, vec![captured])
        .await?;
    app.uow.commit(tx).await?;
    Ok(hold)
}
