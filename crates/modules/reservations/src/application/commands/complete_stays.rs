//! Completion, run by the scheduler: confirmed stays are marked `completed` from their
//! departure day on (their dates stay on the calendar: the stay happened).

use sejour_core::{AppError, Ctx};

use super::{super::Reservations, BATCH, more_to_do, sweep};

/// The job's name and actor.
pub const JOB: &str = "reservations.complete_stays";

/// Completes every confirmed stay whose departure day has come; returns how many.
pub async fn complete_stays(svc: &Reservations) -> Result<u64, AppError> {
    let ctx = Ctx::system(JOB, svc.ids.new_id().to_string());
    let mut completed = 0;
    loop {
        let clock = &svc.clock;
        let (today, now) = (clock.today(), clock.now());
        let ids = svc.reservations.finished_stays(today, BATCH).await?;
        let done = sweep(svc, &ctx, &ids, false, |r| r.complete(today, now)).await?;
        completed += done;
        if !more_to_do(ids.len(), done) {
            return Ok(completed);
        }
    }
}
