//! The worker: claims due deliveries, runs their consumers, records the outcome.
//!
//! Claiming is `FOR UPDATE SKIP LOCKED`, so any number of workers share the queue. A
//! claimed delivery is leased: its `run_at` moves to now + lease, and it becomes
//! claimable again when that passes, so the work of a killed worker is done by another.
//! Long handlers renew their lease while they run. Workers wake on `LISTEN sejour_queue`
//! and poll as a fallback.

use std::{collections::HashMap, sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use rand::Rng;
use sejour_core::Clock;
use sqlx::{PgPool, postgres::PgListener};
use tokio::{sync::Notify, task::JoinSet};
use tokio_util::sync::CancellationToken;
use tracing::Instrument;
use uuid::Uuid;

use super::{CHANNEL, Consumer, ConsumerError, Delivery, Message, MessageKind};

/// How a worker behaves; see the `SEJOUR_WORKER_*` settings.
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    /// Deliveries handled at once.
    pub concurrency: usize,
    /// How long a claim lasts before another worker may take it over.
    pub lease: Duration,
    /// How often to look for work when no notification arrives.
    pub poll_interval: Duration,
    /// Attempts before dead-lettering.
    pub max_attempts: i32,
    /// The first retry delay; doubled at each attempt.
    pub backoff_base: Duration,
    /// The longest retry delay.
    pub backoff_max: Duration,
    /// Time given to in-flight deliveries on shutdown.
    pub shutdown_grace: Duration,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        Self {
            concurrency: 8,
            lease: Duration::from_secs(60),
            poll_interval: Duration::from_secs(1),
            max_attempts: 8,
            backoff_base: Duration::from_secs(1),
            backoff_max: Duration::from_secs(3600),
            shutdown_grace: Duration::from_secs(20),
        }
    }
}

/// A pool of consumers and the loop that feeds them.
pub struct Worker {
    pool: PgPool,
    clock: Arc<dyn Clock>,
    consumers: HashMap<&'static str, Arc<dyn Consumer>>,
    options: WorkerOptions,
    id: String,
}

/// The consumers' subscriptions, written at start so the database fans out new messages.
pub async fn register_subscriptions(
    pool: &PgPool,
    consumers: &[Arc<dyn Consumer>],
) -> Result<(), sqlx::Error> {
    let mut names = Vec::new();
    let mut types = Vec::new();
    for consumer in consumers {
        for sub in consumer.subscriptions() {
            names.push(consumer.name());
            types.push(sub.message_type());
        }
    }
    let consumer_names: Vec<&str> = consumers.iter().map(|c| c.name()).collect();
    let mut tx = pool.begin().await?;
    // Serialise concurrent starts: each rewrites the subscriptions of its consumers.
    sqlx::query("SELECT pg_advisory_xact_lock(hashtext('queue.subscriptions'))")
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM queue.subscriptions WHERE consumer = ANY($1)")
        .bind(&consumer_names)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO queue.subscriptions (consumer, message_type) \
         SELECT * FROM UNNEST($1::text[], $2::text[]) ON CONFLICT DO NOTHING",
    )
    .bind(&names)
    .bind(&types)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// The delay before attempt `attempt + 1`: exponential, capped, with "equal jitter"
/// (half fixed, half random) so that retries of many failures spread out.
pub fn backoff(attempt: i32, base: Duration, max: Duration) -> Duration {
    let exp = u32::try_from(attempt.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
    let ceiling = base.saturating_mul(2u32.saturating_pow(exp)).min(max);
    let half = ceiling / 2;
    let jitter_ms = u64::try_from(half.as_millis()).unwrap_or(u64::MAX);
    half + Duration::from_millis(rand::thread_rng().gen_range(0..=jitter_ms))
}

type Row = (
    i64,
    String,
    i32,
    Uuid,
    String,
    String,
    Option<String>,
    Option<String>,
    i32,
    serde_json::Value,
    DateTime<Utc>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

impl Worker {
    /// A worker running `consumers`.
    pub fn new(
        pool: PgPool,
        clock: Arc<dyn Clock>,
        consumers: Vec<Arc<dyn Consumer>>,
        options: WorkerOptions,
    ) -> Self {
        let id = format!("{}-{}", std::process::id(), Uuid::now_v7().simple());
        Self {
            pool,
            clock,
            consumers: consumers.into_iter().map(|c| (c.name(), c)).collect(),
            options,
            id,
        }
    }

    /// This worker's id, as written in `locked_by`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Runs until `shutdown` is cancelled, then stops claiming, gives in-flight deliveries
    /// the grace period, and hands back what is still unfinished.
    pub async fn run(self: Arc<Self>, shutdown: CancellationToken) {
        let wake = Arc::new(Notify::new());
        let listener = tokio::spawn(listen(self.pool.clone(), wake.clone(), shutdown.clone()));
        let slots = Arc::new(tokio::sync::Semaphore::new(self.options.concurrency));
        let mut in_flight = JoinSet::new();
        tracing::info!(worker = %self.id, consumers = self.consumers.len(), "worker started");

        'outer: loop {
            while in_flight.try_join_next().is_some() {}
            let first = tokio::select! {
                permit = slots.clone().acquire_owned() => match permit {
                    Ok(p) => p,
                    Err(_) => break,
                },
                () = shutdown.cancelled() => break,
            };
            let mut permits = vec![first];
            while let Ok(p) = slots.clone().try_acquire_owned() {
                permits.push(p);
            }
            let claimed = match self.claim(permits.len()).await {
                Ok(claimed) => claimed,
                Err(e) => {
                    tracing::warn!(error = %e, "claiming deliveries failed; retrying");
                    Vec::new()
                }
            };
            let idle = claimed.is_empty();
            for (delivery, permit) in claimed.into_iter().zip(permits) {
                let worker = self.clone();
                in_flight.spawn(async move {
                    worker.execute(delivery).await;
                    drop(permit);
                });
            }
            if idle {
                tokio::select! {
                    () = wake.notified() => {}
                    () = tokio::time::sleep(self.options.poll_interval) => {}
                    () = shutdown.cancelled() => break 'outer,
                }
            }
        }

        tracing::info!(worker = %self.id, in_flight = in_flight.len(), "worker draining");
        let drained = tokio::time::timeout(self.options.shutdown_grace, async {
            while in_flight.join_next().await.is_some() {}
        })
        .await;
        if drained.is_err() {
            in_flight.abort_all();
            match self.release_leases().await {
                Ok(n) => tracing::warn!(
                    released = n,
                    "grace period over; unfinished deliveries handed back"
                ),
                Err(e) => {
                    tracing::error!(error = %e, "could not hand back leases; they expire on their own")
                }
            }
        }
        listener.abort();
        tracing::info!(worker = %self.id, "worker stopped");
    }

    /// Claims up to `limit` due deliveries of this worker's consumers.
    async fn claim(&self, limit: usize) -> Result<Vec<Delivery>, sqlx::Error> {
        let now = self.clock.now();
        let lease_until = now + self.lease();
        let names: Vec<&str> = self.consumers.keys().copied().collect();
        let rows: Vec<Row> = sqlx::query_as(
            "WITH due AS ( \
                SELECT id FROM queue.deliveries \
                 WHERE status IN ('pending', 'running') AND run_at <= $1 AND consumer = ANY($2) \
                 ORDER BY run_at LIMIT $3 FOR UPDATE SKIP LOCKED) \
             UPDATE queue.deliveries d \
                SET status = 'running', attempts = d.attempts + 1, run_at = $4, \
                    locked_by = $5, updated_at = $1 \
               FROM due, queue.messages m \
              WHERE d.id = due.id AND m.id = d.message_id \
             RETURNING d.id, d.consumer, d.attempts, m.id, m.kind, m.type, m.aggregate_type, \
                       m.aggregate_id, m.version, m.payload, m.occurred_at, m.correlation_id, \
                       m.causation_id, m.actor, m.ip",
        )
        .bind(now)
        .bind(&names)
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .bind(lease_until)
        .bind(&self.id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| Delivery {
                id: r.0,
                consumer: r.1,
                attempt: r.2,
                message: Message {
                    id: r.3,
                    kind: if r.4 == "job" {
                        MessageKind::Job
                    } else {
                        MessageKind::Event
                    },
                    message_type: r.5,
                    aggregate_type: r.6,
                    aggregate_id: r.7,
                    version: r.8,
                    payload: r.9,
                    occurred_at: r.10,
                    correlation_id: r.11,
                    causation_id: r.12,
                    actor: r.13,
                    ip: r.14,
                },
                started_at: now,
                pool: self.pool.clone(),
            })
            .collect())
    }

    fn lease(&self) -> chrono::Duration {
        chrono::Duration::from_std(self.options.lease).unwrap_or(chrono::Duration::seconds(60))
    }

    /// Runs one delivery's consumer, renewing the lease while it runs, and records the outcome.
    async fn execute(&self, delivery: Delivery) {
        let Some(consumer) = self.consumers.get(delivery.consumer.as_str()).cloned() else {
            return;
        };
        let span = tracing::info_span!(
            "delivery",
            delivery = delivery.id,
            consumer = %delivery.consumer,
            message_type = %delivery.message.message_type,
            attempt = delivery.attempt,
            correlation_id = delivery.message.correlation_id.as_deref().unwrap_or(""),
        );
        let started = std::time::Instant::now();
        let outcome = {
            let handle = consumer.handle(&delivery).instrument(span.clone());
            tokio::pin!(handle);
            let mut renew = tokio::time::interval(self.options.lease / 2);
            renew.tick().await;
            loop {
                tokio::select! {
                    outcome = &mut handle => break outcome,
                    _ = renew.tick() => {
                        if let Err(e) = self.renew_lease(delivery.id).await {
                            tracing::warn!(parent: &span, error = %e, "lease renewal failed");
                        }
                    }
                }
            }
        };
        let labels = [("consumer", delivery.consumer.clone())];
        metrics::histogram!("sejour_queue_handler_duration_seconds", &labels)
            .record(started.elapsed().as_secs_f64());
        let recorded = match outcome {
            Ok(()) => {
                metrics::counter!(
                    "sejour_queue_deliveries_total",
                    &[
                        ("consumer", delivery.consumer.clone()),
                        ("outcome", "done".to_owned())
                    ]
                )
                .increment(1);
                self.complete(delivery.id).await
            }
            Err(error) => {
                tracing::warn!(parent: &span, %error, "delivery failed");
                metrics::counter!("sejour_queue_failures_total", &labels).increment(1);
                self.fail(&delivery, &error).await.map(|dead| {
                    if dead {
                        tracing::error!(parent: &span, %error, "delivery dead-lettered");
                        metrics::counter!("sejour_queue_dead_letters_total", &labels).increment(1);
                    }
                })
            }
        };
        if let Err(e) = recorded {
            tracing::error!(parent: &span, error = %e, "could not record the delivery's outcome; its lease will expire");
        }
    }

    async fn renew_lease(&self, id: i64) -> Result<(), sqlx::Error> {
        let now = self.clock.now();
        sqlx::query(
            "UPDATE queue.deliveries SET run_at = $3, updated_at = $2 \
             WHERE id = $1 AND status = 'running' AND locked_by = $4",
        )
        .bind(id)
        .bind(now)
        .bind(now + self.lease())
        .bind(&self.id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn complete(&self, id: i64) -> Result<(), sqlx::Error> {
        let now = self.clock.now();
        sqlx::query(
            "UPDATE queue.deliveries SET status = 'done', done_at = $2, updated_at = $2, \
             locked_by = NULL, last_error = NULL WHERE id = $1 AND status = 'running'",
        )
        .bind(id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Schedules a retry, or dead-letters; returns whether the delivery is now dead.
    async fn fail(&self, delivery: &Delivery, error: &ConsumerError) -> Result<bool, sqlx::Error> {
        let now = self.clock.now();
        let permanent = matches!(error, ConsumerError::Permanent(_));
        let delay = backoff(
            delivery.attempt,
            self.options.backoff_base,
            self.options.backoff_max,
        );
        let retry_at =
            now + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::hours(1));
        let mut message = error.to_string();
        message.truncate(2000);
        let status: Option<String> = sqlx::query_scalar(
            "UPDATE queue.deliveries \
                SET status = CASE WHEN $3 OR attempts >= $4 THEN 'dead' ELSE 'pending' END, \
                    run_at = $5, last_error = $6, locked_by = NULL, updated_at = $2 \
              WHERE id = $1 AND status = 'running' RETURNING status",
        )
        .bind(delivery.id)
        .bind(now)
        .bind(permanent)
        .bind(self.options.max_attempts)
        .bind(retry_at)
        .bind(message)
        .fetch_optional(&self.pool)
        .await?;
        Ok(status.as_deref() == Some("dead"))
    }

    /// Hands this worker's unfinished deliveries back to the queue at once.
    async fn release_leases(&self) -> Result<u64, sqlx::Error> {
        let now = self.clock.now();
        let done = sqlx::query(
            "UPDATE queue.deliveries SET status = 'pending', run_at = $2, locked_by = NULL, \
             updated_at = $2 WHERE locked_by = $1 AND status = 'running'",
        )
        .bind(&self.id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }
}

/// Wakes the worker on each notification; reconnects on failure (polling covers the gap).
async fn listen(pool: PgPool, wake: Arc<Notify>, shutdown: CancellationToken) {
    let mut delay = Duration::from_millis(200);
    while !shutdown.is_cancelled() {
        let mut listener = match PgListener::connect_with(&pool).await {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!(error = %e, "LISTEN connection failed; polling meanwhile");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(30));
                continue;
            }
        };
        if let Err(e) = listener.listen(CHANNEL).await {
            tracing::warn!(error = %e, "LISTEN failed; polling meanwhile");
            tokio::time::sleep(delay).await;
            continue;
        }
        delay = Duration::from_millis(200);
        // A (re)connection may have missed notifications: look once.
        wake.notify_one();
        loop {
            tokio::select! {
                received = listener.recv() => match received {
                    Ok(_) => wake.notify_one(),
                    Err(e) => {
                        tracing::warn!(error = %e, "LISTEN connection lost; reconnecting");
                        break;
                    }
                },
                () = shutdown.cancelled() => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_exponentially_within_jitter_and_is_capped() {
        let base = Duration::from_millis(1000);
        let max = Duration::from_secs(60);
        for attempt in 1..=10 {
            let ceiling = (base * 2u32.pow(u32::try_from(attempt - 1).unwrap_or(0))).min(max);
            let d = backoff(attempt, base, max);
            assert!(d >= ceiling / 2 && d <= ceiling, "attempt {attempt}: {d:?}");
        }
        assert!(backoff(i32::MAX, base, max) <= max);
        assert!(backoff(0, base, max) <= base);
    }
}
