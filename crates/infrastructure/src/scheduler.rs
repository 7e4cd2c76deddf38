//! The scheduler: timed jobs declared in code, fired onto the job queue.
//!
//! Each schedule's `last_tick` is stored in `scheduler.schedules`. A tick fires by moving
//! `last_tick` forward with a compare-and-set in the same transaction that enqueues the
//! job, so each tick fires exactly once however many scheduler replicas run. When ticks
//! were missed (nothing ran), the latest missed tick fires once: a catch-up, not a burst.

use std::{str::FromStr, sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use croner::Cron;
use sejour_core::{Clock, Ctx, IdGenerator};
use sqlx::PgPool;
use tokio_util::sync::CancellationToken;

use crate::queue::{JobRequest, enqueue};

/// A timed job: a cron expression and the job it enqueues.
#[derive(Debug, Clone)]
pub struct Schedule {
    /// A stable name, e.g. `queue.purge_delivered`.
    pub name: &'static str,
    /// Cron expression (5 fields, or 6 with seconds first), in UTC.
    pub cron: String,
    /// The job enqueued at each tick; the payload receives a `tick` field.
    pub job: &'static str,
}

/// Why a schedule could not be evaluated.
#[derive(Debug, thiserror::Error)]
pub enum SchedulerError {
    /// The cron expression does not parse.
    #[error("schedule {name}: invalid cron expression {cron:?}: {reason}")]
    InvalidCron {
        /// The schedule.
        name: &'static str,
        /// Its expression.
        cron: String,
        /// The parser's complaint.
        reason: String,
    },
    /// The database failed.
    #[error("scheduler database error: {0}")]
    Db(#[from] sqlx::Error),
}

/// Fires declared schedules.
pub struct Scheduler {
    pool: PgPool,
    clock: Arc<dyn Clock>,
    ids: Arc<dyn IdGenerator>,
    schedules: Vec<(Schedule, Cron)>,
    interval: Duration,
}

impl Scheduler {
    /// A scheduler for `schedules`, checking every `interval`. Fails on a bad expression.
    pub fn new(
        pool: PgPool,
        clock: Arc<dyn Clock>,
        ids: Arc<dyn IdGenerator>,
        schedules: Vec<Schedule>,
        interval: Duration,
    ) -> Result<Self, SchedulerError> {
        let schedules = schedules
            .into_iter()
            .map(|s| {
                Cron::from_str(&s.cron)
                    .map(|cron| (s.clone(), cron))
                    .map_err(|e| SchedulerError::InvalidCron {
                        name: s.name,
                        cron: s.cron.clone(),
                        reason: e.to_string(),
                    })
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            pool,
            clock,
            ids,
            schedules,
            interval,
        })
    }

    /// Checks the schedules every interval until `shutdown`.
    pub async fn run(self, shutdown: CancellationToken) {
        tracing::info!(schedules = self.schedules.len(), "scheduler started");
        loop {
            if let Err(e) = self.tick().await {
                tracing::warn!(error = %e, "scheduler tick failed; retrying next interval");
            }
            tokio::select! {
                () = tokio::time::sleep(self.interval) => {}
                () = shutdown.cancelled() => break,
            }
        }
        tracing::info!("scheduler stopped");
    }

    /// Fires every schedule that is due now; returns the names of those fired.
    pub async fn tick(&self) -> Result<Vec<&'static str>, SchedulerError> {
        let now = self.clock.now();
        let mut fired = Vec::new();
        for (schedule, cron) in &self.schedules {
            if self.fire_if_due(schedule, cron, now).await? {
                fired.push(schedule.name);
            }
        }
        Ok(fired)
    }

    async fn fire_if_due(
        &self,
        schedule: &Schedule,
        cron: &Cron,
        now: DateTime<Utc>,
    ) -> Result<bool, SchedulerError> {
        // A new schedule starts counting from now: it does not fire for the past.
        let last_tick: DateTime<Utc> = sqlx::query_scalar(
            "INSERT INTO scheduler.schedules (name, cron, last_tick, updated_at) \
             VALUES ($1, $2, $3, $3) \
             ON CONFLICT (name) DO UPDATE SET cron = EXCLUDED.cron \
             RETURNING last_tick",
        )
        .bind(schedule.name)
        .bind(&schedule.cron)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        let Some(tick) = due_tick(cron, last_tick, now) else {
            return Ok(false);
        };
        let mut tx = self.pool.begin().await?;
        let won = sqlx::query(
            "UPDATE scheduler.schedules SET last_tick = $2, last_fired_at = $3, updated_at = $3 \
             WHERE name = $1 AND last_tick = $4",
        )
        .bind(schedule.name)
        .bind(tick)
        .bind(now)
        .bind(last_tick)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !won {
            // Another replica fired this tick.
            return Ok(false);
        }
        let ctx = Ctx::system(
            "scheduler",
            format!("{}@{}", schedule.name, tick.to_rfc3339()),
        );
        let job = JobRequest::new(schedule.job, serde_json::json!({ "tick": tick }));
        enqueue(&mut tx, &job, &ctx, self.clock.as_ref(), self.ids.as_ref()).await?;
        tx.commit().await?;
        tracing::info!(schedule = schedule.name, %tick, "schedule fired");
        Ok(true)
    }
}

/// The tick to fire now, if any: the latest occurrence in `(last_tick, now]`.
pub fn due_tick(
    cron: &Cron,
    last_tick: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let next = cron.find_next_occurrence(&last_tick, false).ok()?;
    if next > now {
        return None;
    }
    cron.find_previous_occurrence(&now, true)
        .ok()
        .filter(|t| *t > last_tick)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn cron(expr: &str) -> Cron {
        Cron::from_str(expr).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn nothing_is_due_before_the_next_occurrence() {
        let hourly = cron("0 * * * *");
        assert_eq!(
            due_tick(
                &hourly,
                at("2026-11-24T10:00:00Z"),
                at("2026-11-24T10:59:59Z")
            ),
            None
        );
    }

    #[test]
    fn the_occurrence_is_due_once_reached() {
        let hourly = cron("0 * * * *");
        assert_eq!(
            due_tick(
                &hourly,
                at("2026-11-24T10:00:00Z"),
                at("2026-11-24T11:00:00Z")
            ),
            Some(at("2026-11-24T11:00:00Z"))
        );
    }

    #[test]
    fn missed_ticks_catch_up_once_with_the_latest() {
        let hourly = cron("0 * * * *");
        assert_eq!(
            due_tick(
                &hourly,
                at("2026-11-24T10:00:00Z"),
                at("2026-11-24T15:30:00Z")
            ),
            Some(at("2026-11-24T15:00:00Z"))
        );
        // Once fired, nothing more until the next hour.
        assert_eq!(
            due_tick(
                &hourly,
                at("2026-11-24T15:00:00Z"),
                at("2026-11-24T15:30:00Z")
            ),
            None
        );
    }
}
