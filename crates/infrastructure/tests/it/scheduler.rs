//! The scheduler: once per tick across replicas, and a missed tick caught up once.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use sejour_core::{UuidV7Generator, ports::ManualClock};
use sejour_infrastructure::{
    db,
    scheduler::{Schedule, Scheduler},
};
use sqlx::PgPool;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn scheduler(pool: &PgPool, clock: Arc<ManualClock>) -> Scheduler {
    Scheduler::new(
        pool.clone(),
        clock,
        Arc::new(UuidV7Generator),
        vec![Schedule {
            name: "test.hourly",
            cron: "0 * * * *".into(),
            job: "test.tick",
        }],
        std::time::Duration::from_secs(1),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

async fn jobs(pool: &PgPool) -> Vec<serde_json::Value> {
    sqlx::query_scalar("SELECT payload FROM queue.messages WHERE type = 'test.tick' ORDER BY id")
        .fetch_all(pool)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

#[sqlx::test(migrations = false)]
async fn a_tick_fires_once_across_many_replicas(pool: PgPool) {
    db::MIGRATOR
        .run(&pool)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let clock = Arc::new(ManualClock::new(at("2026-11-24T10:30:00Z")));
    let replicas: Vec<_> = (0..5)
        .map(|_| Arc::new(scheduler(&pool, clock.clone())))
        .collect();
    // First sight of the schedule: nothing fires for the past.
    for r in &replicas {
        assert!(r.tick().await.unwrap_or_else(|e| panic!("{e}")).is_empty());
    }
    clock.set(at("2026-11-24T11:00:05Z"));
    let fired = futures_join(replicas.iter().map(|r| {
        let r = r.clone();
        tokio::spawn(async move {
            r.tick()
                .await
                .map(|f| f.len())
                .unwrap_or_else(|e| panic!("{e}"))
        })
    }))
    .await;
    assert_eq!(
        fired.iter().sum::<usize>(),
        1,
        "exactly one replica fired the tick"
    );
    assert_eq!(
        jobs(&pool).await,
        vec![serde_json::json!({"tick": "2026-11-24T11:00:00Z"})]
    );
}

#[sqlx::test(migrations = false)]
async fn ticks_missed_while_nothing_ran_are_caught_up_once(pool: PgPool) {
    db::MIGRATOR
        .run(&pool)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let clock = Arc::new(ManualClock::new(at("2026-11-24T10:30:00Z")));
    let s = scheduler(&pool, clock.clone());
    s.tick().await.unwrap_or_else(|e| panic!("{e}"));
    // Down for five hours.
    clock.advance(Duration::hours(5));
    assert_eq!(
        s.tick().await.unwrap_or_else(|e| panic!("{e}")),
        vec!["test.hourly"]
    );
    assert!(s.tick().await.unwrap_or_else(|e| panic!("{e}")).is_empty());
    assert_eq!(
        jobs(&pool).await,
        vec![serde_json::json!({"tick": "2026-11-24T15:00:00Z"})]
    );
    clock.advance(Duration::minutes(31));
    assert_eq!(
        s.tick().await.unwrap_or_else(|e| panic!("{e}")),
        vec!["test.hourly"]
    );
    assert_eq!(jobs(&pool).await.len(), 2);
}

#[sqlx::test(migrations = false)]
async fn an_invalid_cron_expression_is_refused_at_start(pool: PgPool) {
    let s = Scheduler::new(
        pool,
        Arc::new(ManualClock::new(Utc::now())),
        Arc::new(UuidV7Generator),
        vec![Schedule {
            name: "bad",
            cron: "every tuesday".into(),
            job: "x",
        }],
        std::time::Duration::from_secs(1),
    );
    assert!(s.err().is_some_and(|e| e.to_string().contains("bad")));
}

async fn futures_join<T: Send + 'static>(
    handles: impl Iterator<Item = tokio::task::JoinHandle<T>>,
) -> Vec<T> {
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap_or_else(|e| panic!("{e}")));
    }
    out
}
