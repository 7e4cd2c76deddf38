//! Expiry, run by the scheduler: pending reservations not confirmed within the hold time
//! are cancelled with the reason `expired`, and their dates freed.

use sejour_core::{AppError, Ctx};

use super::{super::Reservations, BATCH, more_to_do, sweep};

/// The job's name and actor.
pub const JOB: &str = "reservations.expire_holds";

/// Cancels every lapsed pending hold; returns how many expired.
pub async fn expire_holds(svc: &Reservations) -> Result<u64, AppError> {
    let ctx = Ctx::system(JOB, svc.ids.new_id().to_string());
    let mut expired = 0;
    loop {
        let now = svc.clock.now();
        let ids = svc.reservations.lapsed_holds(now, BATCH).await?;
        let done = sweep(svc, &ctx, &ids, true, |r| r.expire(ctx.actor.label(), now)).await?;
        expired += done;
        if !more_to_do(ids.len(), done) {
            return Ok(expired);
        }
    }
}
