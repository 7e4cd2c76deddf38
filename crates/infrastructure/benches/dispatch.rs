//! Outbox dispatch benchmark: end-to-end throughput (events/s) and commit-to-handler
//! latency (p50/p99) against a real PostgreSQL, in a fresh database it creates and drops.
//!
//! `cargo bench -p sejour-infrastructure --bench dispatch` (reads `DATABASE_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`; `BENCH_EVENTS` sets the event count).

use std::{
    collections::HashMap,
    io::Write,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use async_trait::async_trait;
use sejour_core::{Ctx, EventEnvelope, SystemClock};
use sejour_infrastructure::{
    db,
    queue::{
        self, Consumer, ConsumerError, Delivery, Subscription, Worker, WorkerOptions,
        worker::register_subscriptions,
    },
};
use sqlx::{Connection, PgConnection, PgPool};
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

/// Records when each event reached its handler.
#[derive(Default)]
struct Recorder {
    seen: Mutex<HashMap<Uuid, Instant>>,
}

#[async_trait]
impl Consumer for Recorder {
    fn name(&self) -> &'static str {
        "bench.recorder"
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        vec![Subscription::Event("bench.Happened")]
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        let now = Instant::now();
        if let Ok(mut seen) = self.seen.lock() {
            seen.entry(delivery.message.id).or_insert(now);
        }
        Ok(())
    }
}

impl Recorder {
    fn count(&self) -> usize {
        self.seen.lock().map(|s| s.len()).unwrap_or(0)
    }
}

fn event(ctx: &Ctx) -> EventEnvelope {
    EventEnvelope {
        id: Uuid::now_v7(),
        event_type: "bench.Happened".into(),
        aggregate_type: "bench".into(),
        aggregate_id: "1".into(),
        occurred_at: chrono::Utc::now(),
        version: 1,
        payload: serde_json::json!({"reservationId": Uuid::now_v7(), "nights": 7}),
        correlation_id: Some(ctx.correlation_id.clone()),
        causation_id: None,
        actor: Some(ctx.actor.label()),
        ip: None,
    }
}

/// Publishes one event in its own transaction; returns its id and commit instant.
async fn publish(pool: &PgPool, ctx: &Ctx) -> Result<(Uuid, Instant), sqlx::Error> {
    let e = event(ctx);
    let mut tx = pool.begin().await?;
    queue::publish(&mut tx, &e).await?;
    tx.commit().await?;
    Ok((e.id, Instant::now()))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

async fn wait_until(recorder: &Recorder, n: usize, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    while recorder.count() < n {
        if Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    true
}

async fn run(pool: PgPool, events: usize) -> Result<String, Box<dyn std::error::Error>> {
    db::MIGRATOR.run(&pool).await?;
    let recorder = Arc::new(Recorder::default());
    let consumers: Vec<Arc<dyn Consumer>> = vec![recorder.clone()];
    register_subscriptions(&pool, &consumers).await?;
    let options = WorkerOptions {
        concurrency: 32,
        poll_interval: Duration::from_millis(500),
        ..WorkerOptions::default()
    };
    let ctx = Ctx::system("bench", "bench".into());
    let mut report = String::new();

    // 0. Drain: a backlog written in batches, then one worker empties it.
    let mut tx = pool.begin().await?;
    for i in 0..events {
        queue::publish(&mut tx, &event(&ctx)).await?;
        if i % 1000 == 999 {
            tx.commit().await?;
            tx = pool.begin().await?;
        }
    }
    tx.commit().await?;
    let worker = Arc::new(Worker::new(
        pool.clone(),
        Arc::new(SystemClock),
        consumers.clone(),
        options.clone(),
    ));
    let stop = CancellationToken::new();
    let start = Instant::now();
    let running = tokio::spawn(worker.run(stop.clone()));
    if !wait_until(&recorder, events, Duration::from_secs(600)).await {
        return Err("the worker did not drain the backlog".into());
    }
    let drained = start.elapsed();
    report.push_str(&format!(
        "drain: {events} queued events, 1 worker (32 slots) => {:.0} deliveries/s\n",
        events as f64 / drained.as_secs_f64()
    ));
    if let Ok(mut seen) = recorder.seen.lock() {
        seen.clear();
    }

    // 1. Throughput: 8 publishers, one event per transaction, while the worker consumes.
    let publishers = 8;
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..publishers {
        let pool = pool.clone();
        let ctx = ctx.clone();
        let per = events / publishers;
        tasks.push(tokio::spawn(async move {
            for _ in 0..per {
                publish(&pool, &ctx).await?;
            }
            Ok::<_, sqlx::Error>(())
        }));
    }
    for t in tasks {
        t.await??;
    }
    let published_in = start.elapsed();
    let total = (events / publishers) * publishers;
    if !wait_until(&recorder, total, Duration::from_secs(600)).await {
        return Err("the worker did not drain the queue".into());
    }
    let drained_in = start.elapsed();
    report.push_str(&format!(
        "throughput: {total} events, 8 publishers (1 event/transaction) + 1 worker (32 slots)\n  \
         published in {:.2}s ({:.0} commits/s); all handled in {:.2}s => {:.0} events/s end to end\n",
        published_in.as_secs_f64(),
        total as f64 / published_in.as_secs_f64(),
        drained_in.as_secs_f64(),
        total as f64 / drained_in.as_secs_f64(),
    ));

    // 2. Latency: a steady trickle (one event every 5 ms), commit to handler.
    let samples = 1000;
    let mut commits = Vec::with_capacity(samples);
    let base = recorder.count();
    let mut tick = tokio::time::interval(Duration::from_millis(5));
    for _ in 0..samples {
        tick.tick().await;
        commits.push(publish(&pool, &ctx).await?);
    }
    if !wait_until(&recorder, base + samples, Duration::from_secs(60)).await {
        return Err("latency events were not all handled".into());
    }
    let mut latencies: Vec<Duration> = {
        let seen = recorder.seen.lock().map_err(|_| "poisoned")?;
        commits
            .iter()
            .filter_map(|(id, committed)| {
                seen.get(id)
                    .map(|h| h.saturating_duration_since(*committed))
            })
            .collect()
    };
    latencies.sort();
    report.push_str(&format!(
        "latency (commit -> handler, {samples} events at 200/s): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms\n",
        percentile(&latencies, 50.0).as_secs_f64() * 1e3,
        percentile(&latencies, 99.0).as_secs_f64() * 1e3,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    ));
    stop.cancel();
    let _ = running.await;
    Ok(report)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    if std::env::args().any(|a| a == "--list") {
        // `cargo test --benches` asks for a list; there is nothing to run as a test.
        return Ok(());
    }
    let admin = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let events: usize = std::env::var("BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let name = format!("sejour_bench_{}", Uuid::now_v7().simple());
    let root = admin
        .rsplit_once('/')
        .map(|(r, _)| r.to_owned())
        .ok_or("DATABASE_URL has no database")?;
    let mut conn = PgConnection::connect(&admin).await?;
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await?;
    let pool = db::connect(&format!("{root}/{name}"), 20).await?;
    let outcome = run(pool.clone(), events).await;
    pool.close().await;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut conn)
        .await?;
    let report = outcome?;
    std::io::stdout().write_all(report.as_bytes())?;
    Ok(())
}
