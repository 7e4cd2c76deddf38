//! The commands: the seed's four, and the two the scheduler runs.

pub mod cancel_reservation;
pub mod complete_stays;
pub mod confirm_reservation;
pub mod create_reservation;
pub mod expire_holds;
pub mod record_payment;
pub mod update_reservation;

use sejour_core::{AppError, Ctx};
use uuid::Uuid;

use super::Reservations;
use crate::domain::{Reservation, ReservationError};

/// Reservations a scheduled job handles per batch.
const BATCH: i64 = 200;

/// Applies a job's `step` to each reservation of `ids`, one transaction each, freeing
/// its dates too when `release`; a reservation the step now refuses (confirmed or
/// cancelled meanwhile) is left alone. Returns how many changed.
async fn sweep(
    svc: &Reservations,
    ctx: &Ctx,
    ids: &[Uuid],
    release: bool,
    step: impl Fn(&mut Reservation) -> Result<(), ReservationError>,
) -> Result<u64, AppError> {
    let mut done = 0;
    for id in ids {
        let mut tx = svc.uow.begin().await?;
        let Some(record) = svc.reservations.find_for_update(&mut tx, *id).await? else {
            continue;
        };
        let mut reservation = record.reservation;
        if step(&mut reservation).is_err() {
            continue;
        }
        if release {
            svc.catalog.release(&mut tx, *id).await?;
        }
        svc.reservations
            .save(&mut tx, ctx, &mut reservation, &record.quote)
            .await?;
        svc.uow.commit(tx).await?;
        done += 1;
    }
    Ok(done)
}

/// Whether a batch of `found` ids in which `done` changed leaves more to do.
fn more_to_do(found: usize, done: u64) -> bool {
    found >= usize::try_from(BATCH).unwrap_or(usize::MAX) && done > 0
}
