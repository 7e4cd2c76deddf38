//! The outbox and job queue against a real PostgreSQL (a fresh database per test).

use std::{
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use async_trait::async_trait;
use chrono::Utc;
use sejour_core::{Ctx, EventEnvelope, SystemClock, UuidV7Generator};
use sejour_infrastructure::{
    db,
    queue::{
        self, Consumer, ConsumerError, Delivery, JobRequest, Subscription, Worker, WorkerOptions,
        dead_letters, stats, worker::register_subscriptions,
    },
};
use sqlx::PgPool;
use tokio_util::sync::CancellationToken;

/// A consumer that fails its first `failures` deliveries, then records its effect once.
struct Flaky {
    name: &'static str,
    failures: usize,
    calls: AtomicUsize,
}

impl Flaky {
    fn new(name: &'static str, failures: usize) -> Arc<Self> {
        Arc::new(Self {
            name,
            failures,
            calls: AtomicUsize::new(0),
        })
    }
}

#[async_trait]
impl Consumer for Flaky {
    fn name(&self) -> &'static str {
        self.name
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        vec![
            Subscription::Event("test.Happened"),
            Subscription::Job("test.job"),
        ]
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        let call = self.calls.fetch_add(1, Ordering::SeqCst);
        if call < self.failures {
            return Err(ConsumerError::Retry(format!("failure {}", call + 1)));
        }
        if let Some(mut tx) = delivery.once().await? {
            sqlx::query("INSERT INTO effects (consumer, message_id) VALUES ($1, $2)")
                .bind(self.name)
                .bind(delivery.message.id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        }
        Ok(())
    }
}

async fn setup(pool: &PgPool) {
    db::MIGRATOR
        .run(pool)
        .await
        .unwrap_or_else(|e| panic!("migrate: {e}"));
    sqlx::query("CREATE TABLE effects (consumer text, message_id uuid)")
        .execute(pool)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

fn fast_options() -> WorkerOptions {
    WorkerOptions {
        concurrency: 4,
        lease: Duration::from_secs(5),
        poll_interval: Duration::from_millis(50),
        max_attempts: 3,
        backoff_base: Duration::from_millis(10),
        backoff_max: Duration::from_millis(50),
        shutdown_grace: Duration::from_secs(5),
    }
}

fn event(ctx: &Ctx) -> EventEnvelope {
    EventEnvelope {
        id: uuid::Uuid::now_v7(),
        event_type: "test.Happened".into(),
        aggregate_type: "thing".into(),
        aggregate_id: "42".into(),
        occurred_at: Utc::now(),
        version: 1,
        payload: serde_json::json!({"n": 1}),
        correlation_id: Some(ctx.correlation_id.clone()),
        causation_id: None,
        actor: Some(ctx.actor.label()),
        ip: None,
    }
}

async fn publish_one(pool: &PgPool) -> uuid::Uuid {
    let ctx = Ctx::system("test", "req".into());
    let e = event(&ctx);
    let mut tx = pool.begin().await.unwrap_or_else(|e| panic!("{e}"));
    queue::publish(&mut tx, &e)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    tx.commit().await.unwrap_or_else(|e| panic!("{e}"));
    e.id
}

/// Starts a worker; returns its stop token and handle.
fn start(
    pool: &PgPool,
    consumers: Vec<Arc<dyn Consumer>>,
    options: WorkerOptions,
) -> (CancellationToken, tokio::task::JoinHandle<()>) {
    let worker = Arc::new(Worker::new(
        pool.clone(),
        Arc::new(SystemClock),
        consumers,
        options,
    ));
    let token = CancellationToken::new();
    let handle = tokio::spawn(worker.run(token.clone()));
    (token, handle)
}

async fn count(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Waits (bounded) until `sql` returns `expected`.
async fn wait_for(pool: &PgPool, sql: &str, expected: i64) {
    for _ in 0..400 {
        if count(pool, sql).await == expected {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!(
        "{sql} never returned {expected} (last: {})",
        count(pool, sql).await
    );
}

#[sqlx::test(migrations = false)]
async fn an_event_fans_out_to_each_subscriber_with_its_own_delivery(pool: PgPool) {
    setup(&pool).await;
    let a = Flaky::new("a", 0);
    let b = Flaky::new("b", 0);
    let consumers: Vec<Arc<dyn Consumer>> = vec![a.clone(), b.clone()];
    register_subscriptions(&pool, &consumers)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let id = publish_one(&pool).await;
    let (stop, handle) = start(&pool, consumers, fast_options());
    wait_for(&pool, "SELECT count(*) FROM effects", 2).await;
    stop.cancel();
    let _ = handle.await;
    let consumers: Vec<String> =
        sqlx::query_scalar("SELECT consumer FROM effects WHERE message_id = $1 ORDER BY consumer")
            .bind(id)
            .fetch_all(&pool)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(consumers, vec!["a", "b"]);
}

#[sqlx::test(migrations = false)]
async fn an_event_of_a_rolled_back_transaction_is_never_delivered(pool: PgPool) {
    setup(&pool).await;
    let a = Flaky::new("a", 0);
    let consumers: Vec<Arc<dyn Consumer>> = vec![a.clone()];
    register_subscriptions(&pool, &consumers)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let ctx = Ctx::system("test", "req".into());
    let mut tx = pool.begin().await.unwrap_or_else(|e| panic!("{e}"));
    queue::publish(&mut tx, &event(&ctx))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    tx.rollback().await.unwrap_or_else(|e| panic!("{e}"));
    // A committed one afterwards proves the worker ran.
    publish_one(&pool).await;
    let (stop, handle) = start(&pool, consumers, fast_options());
    wait_for(&pool, "SELECT count(*) FROM effects", 1).await;
    stop.cancel();
    let _ = handle.await;
    assert_eq!(count(&pool, "SELECT count(*) FROM queue.messages").await, 1);
    assert_eq!(
        count(&pool, "SELECT count(*) FROM queue.deliveries").await,
        1
    );
    assert_eq!(a.calls.load(Ordering::SeqCst), 1);
}

#[sqlx::test(migrations = false)]
async fn a_consumer_failing_twice_then_succeeding_has_exactly_one_effect(pool: PgPool) {
    setup(&pool).await;
    let flaky = Flaky::new("flaky", 2);
    let consumers: Vec<Arc<dyn Consumer>> = vec![flaky.clone()];
    register_subscriptions(&pool, &consumers)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    publish_one(&pool).await;
    let (stop, handle) = start(&pool, consumers, fast_options());
    wait_for(
        &pool,
        "SELECT count(*) FROM queue.deliveries WHERE status = 'done'",
        1,
    )
    .await;
    stop.cancel();
    let _ = handle.await;
    assert_eq!(count(&pool, "SELECT count(*) FROM effects").await, 1);
    assert_eq!(
        count(&pool, "SELECT attempts::bigint FROM queue.deliveries").await,
        3
    );
    assert_eq!(flaky.calls.load(Ordering::SeqCst), 3);
}

#[sqlx::test(migrations = false)]
async fn a_consumer_failing_after_its_effect_committed_is_not_run_again(pool: PgPool) {
    setup(&pool).await;
    /// Commits its effect, then fails as a crash between commit and acknowledgement would.
    struct FailAfterCommit(AtomicUsize);
    #[async_trait]
    impl Consumer for FailAfterCommit {
        fn name(&self) -> &'static str {
            "fail_after_commit"
        }
        fn subscriptions(&self) -> Vec<Subscription> {
            vec![Subscription::Event("test.Happened")]
        }
        async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
            self.0.fetch_add(1, Ordering::SeqCst);
            if let Some(mut tx) = delivery.once().await? {
                sqlx::query("INSERT INTO effects (consumer, message_id) VALUES ('x', $1)")
                    .bind(delivery.message.id)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
            }
            Err(ConsumerError::Retry("crashed after commit".into()))
        }
    }
    let consumer = Arc::new(FailAfterCommit(AtomicUsize::new(0)));
    let consumers: Vec<Arc<dyn Consumer>> = vec![consumer.clone()];
    register_subscriptions(&pool, &consumers)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    publish_one(&pool).await;
    let (stop, handle) = start(&pool, consumers, fast_options());
    wait_for(
        &pool,
        "SELECT count(*) FROM queue.deliveries WHERE status = 'done'",
        1,
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.cancel();
    let _ = handle.await;
    assert_eq!(
        consumer.0.load(Ordering::SeqCst),
        1,
        "a done delivery is not retried"
    );
    assert_eq!(count(&pool, "SELECT count(*) FROM effects").await, 1);
}

#[sqlx::test(migrations = false)]
async fn two_holders_of_one_delivery_have_one_effect(pool: PgPool) {
    // A worker whose lease expired while it still ran, and the worker that took over,
    // both hold the delivery: `once` lets exactly one of them write its effect.
    setup(&pool).await;
    let a = Flaky::new("a", 0);
    let consumers: Vec<Arc<dyn Consumer>> = vec![a];
    register_subscriptions(&pool, &consumers)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let message_id = publish_one(&pool).await;
    let id: i64 = sqlx::query_scalar("UPDATE queue.deliveries SET status = 'running' RETURNING id")
        .fetch_one(&pool)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let delivery = |_: usize| Delivery {
        id,
        consumer: "a".into(),
        attempt: 1,
        message: queue::Message {
            id: message_id,
            kind: queue::MessageKind::Event,
            message_type: "test.Happened".into(),
            aggregate_type: None,
            aggregate_id: None,
            version: 1,
            payload: serde_json::json!({}),
            occurred_at: Utc::now(),
            correlation_id: None,
            causation_id: None,
            actor: None,
            ip: None,
        },
        started_at: Utc::now(),
        pool: pool.clone(),
    };
    let attempts = (0..8).map(|i| {
        let d = delivery(i);
        tokio::spawn(async move {
            match d.once().await {
                Ok(Some(mut tx)) => {
                    sqlx::query("INSERT INTO effects (consumer, message_id) VALUES ('a', $1)")
                        .bind(d.message.id)
                        .execute(&mut *tx)
                        .await
                        .unwrap_or_else(|e| panic!("{e}"));
                    tx.commit().await.unwrap_or_else(|e| panic!("{e}"));
                    true
                }
                Ok(None) => false,
                Err(e) => panic!("{e}"),
            }
        })
    });
    let mut effects = 0;
    for attempt in attempts {
        if attempt.await.unwrap_or_else(|e| panic!("{e}")) {
            effects += 1;
        }
    }
    assert_eq!(effects, 1);
    assert_eq!(count(&pool, "SELECT count(*) FROM effects").await, 1);
}

#[sqlx::test(migrations = false)]
async fn an_always_failing_delivery_is_dead_lettered_then_replayed(pool: PgPool) {
    setup(&pool).await;
    let broken = Flaky::new("broken", usize::MAX);
    let consumers: Vec<Arc<dyn Consumer>> = vec![broken.clone()];
    register_subscriptions(&pool, &consumers)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    publish_one(&pool).await;
    let (stop, handle) = start(&pool, consumers, fast_options());
    wait_for(
        &pool,
        "SELECT count(*) FROM queue.deliveries WHERE status = 'dead'",
        1,
    )
    .await;
    stop.cancel();
    let _ = handle.await;
    assert_eq!(broken.calls.load(Ordering::SeqCst), 3, "max_attempts is 3");

    let dead = dead_letters::list(&pool, None, None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].consumer, "broken");
    assert_eq!(dead[0].attempts, 3);
    assert_eq!(dead[0].last_error.as_deref(), Some("failure 3"));
    let s = stats::refresh(&pool, Utc::now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((s.depth, s.dead), (0, 1));

    // The consumer is fixed; the dead letter is replayed and succeeds.
    let fixed = Flaky::new("broken", 0);
    let mut conn = pool.acquire().await.unwrap_or_else(|e| panic!("{e}"));
    assert!(
        dead_letters::replay(&mut conn, dead[0].id, Utc::now())
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    );
    assert!(
        !dead_letters::replay(&mut conn, dead[0].id, Utc::now())
            .await
            .unwrap_or_else(|e| panic!("{e}")),
        "only dead letters replay"
    );
    drop(conn);
    let (stop, handle) = start(&pool, vec![fixed], fast_options());
    wait_for(
        &pool,
        "SELECT count(*) FROM queue.deliveries WHERE status = 'done'",
        1,
    )
    .await;
    stop.cancel();
    let _ = handle.await;
    assert_eq!(count(&pool, "SELECT count(*) FROM effects").await, 1);
}

#[sqlx::test(migrations = false)]
async fn a_permanent_failure_is_dead_lettered_at_once(pool: PgPool) {
    setup(&pool).await;
    struct Permanent;
    #[async_trait]
    impl Consumer for Permanent {
        fn name(&self) -> &'static str {
            "perm"
        }
        fn subscriptions(&self) -> Vec<Subscription> {
            vec![Subscription::Event("test.Happened")]
        }
        async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
            delivery.message.decode::<Vec<u8>>().map(|_| ())
        }
    }
    let consumers: Vec<Arc<dyn Consumer>> = vec![Arc::new(Permanent)];
    register_subscriptions(&pool, &consumers)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    publish_one(&pool).await;
    let (stop, handle) = start(&pool, consumers, fast_options());
    wait_for(
        &pool,
        "SELECT count(*) FROM queue.deliveries WHERE status = 'dead'",
        1,
    )
    .await;
    stop.cancel();
    let _ = handle.await;
    assert_eq!(
        count(&pool, "SELECT attempts::bigint FROM queue.deliveries").await,
        1
    );
}

#[sqlx::test(migrations = false)]
async fn many_workers_deliver_each_message_once(pool: PgPool) {
    setup(&pool).await;
    let consumer = Flaky::new("many", 0);
    let consumers: Vec<Arc<dyn Consumer>> = vec![consumer.clone()];
    register_subscriptions(&pool, &consumers)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let ctx = Ctx::system("test", "req".into());
    let mut tx = pool.begin().await.unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..300 {
        queue::publish(&mut tx, &event(&ctx))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
    tx.commit().await.unwrap_or_else(|e| panic!("{e}"));
    let workers: Vec<_> = (0..4)
        .map(|_| start(&pool, consumers.clone(), fast_options()))
        .collect();
    wait_for(
        &pool,
        "SELECT count(*) FROM queue.deliveries WHERE status = 'done'",
        300,
    )
    .await;
    for (stop, handle) in workers {
        stop.cancel();
        let _ = handle.await;
    }
    assert_eq!(count(&pool, "SELECT count(*) FROM effects").await, 300);
    assert_eq!(
        count(&pool, "SELECT count(DISTINCT message_id) FROM effects").await,
        300
    );
    assert_eq!(
        consumer.calls.load(Ordering::SeqCst),
        300,
        "no message was handled twice"
    );
}

#[sqlx::test(migrations = false)]
async fn a_notification_wakes_an_idle_worker_long_before_its_poll(pool: PgPool) {
    setup(&pool).await;
    let a = Flaky::new("a", 0);
    let consumers: Vec<Arc<dyn Consumer>> = vec![a.clone()];
    register_subscriptions(&pool, &consumers)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let options = WorkerOptions {
        poll_interval: Duration::from_secs(3600),
        ..fast_options()
    };
    let (stop, handle) = start(&pool, consumers, options);
    // Let the worker go idle (LISTEN connected, first empty claim done).
    tokio::time::sleep(Duration::from_millis(500)).await;
    publish_one(&pool).await;
    // With an hour-long poll, only the notification can deliver it within the wait.
    wait_for(&pool, "SELECT count(*) FROM effects", 1).await;
    stop.cancel();
    let _ = handle.await;
}

#[sqlx::test(migrations = false)]
async fn a_job_enqueued_for_later_waits_for_its_time(pool: PgPool) {
    setup(&pool).await;
    let a = Flaky::new("a", 0);
    let consumers: Vec<Arc<dyn Consumer>> = vec![a.clone()];
    register_subscriptions(&pool, &consumers)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let ctx = Ctx::system("test", "req".into());
    let mut conn = pool.acquire().await.unwrap_or_else(|e| panic!("{e}"));
    let later = JobRequest::new("test.job", serde_json::json!({}))
        .not_before(Utc::now() + chrono::Duration::hours(1));
    queue::enqueue(&mut conn, &later, &ctx, &SystemClock, &UuidV7Generator)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let now = JobRequest::new("test.job", serde_json::json!({}));
    queue::enqueue(&mut conn, &now, &ctx, &SystemClock, &UuidV7Generator)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    let (stop, handle) = start(&pool, consumers, fast_options());
    wait_for(&pool, "SELECT count(*) FROM effects", 1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.cancel();
    let _ = handle.await;
    assert_eq!(
        count(&pool, "SELECT count(*) FROM effects").await,
        1,
        "the later job has not run"
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM queue.deliveries WHERE status = 'pending'"
        )
        .await,
        1
    );
}

#[sqlx::test(migrations = false)]
async fn shutdown_hands_back_deliveries_still_running_after_the_grace_period(pool: PgPool) {
    setup(&pool).await;
    struct Stuck;
    #[async_trait]
    impl Consumer for Stuck {
        fn name(&self) -> &'static str {
            "stuck"
        }
        fn subscriptions(&self) -> Vec<Subscription> {
            vec![Subscription::Event("test.Happened")]
        }
        async fn handle(&self, _: &Delivery) -> Result<(), ConsumerError> {
            std::future::pending().await
        }
    }
    let consumers: Vec<Arc<dyn Consumer>> = vec![Arc::new(Stuck)];
    register_subscriptions(&pool, &consumers)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    publish_one(&pool).await;
    let options = WorkerOptions {
        shutdown_grace: Duration::from_millis(200),
        lease: Duration::from_secs(3600),
        ..fast_options()
    };
    let (stop, handle) = start(&pool, consumers, options);
    wait_for(
        &pool,
        "SELECT count(*) FROM queue.deliveries WHERE status = 'running'",
        1,
    )
    .await;
    stop.cancel();
    tokio::time::timeout(Duration::from_secs(5), handle)
        .await
        .unwrap_or_else(|_| panic!("the worker did not stop within its grace period"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM queue.deliveries WHERE status = 'pending' AND locked_by IS NULL"
        )
        .await,
        1
    );
}

#[sqlx::test(migrations = false)]
async fn the_work_of_a_worker_killed_mid_job_is_done_by_another(pool: PgPool) {
    setup(&pool).await;
    sqlx::raw_sql("CREATE TABLE probe_starts (message_id uuid, pid int); CREATE TABLE probe_effects (message_id uuid)")
        .execute(&pool)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let url = database_url(&pool).await;
    let exe = probe_worker_path();
    let mut hanging = tokio::process::Command::new(&exe)
        .arg("hang")
        .env("DATABASE_URL", &url)
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", exe.display()));
    // The worker registers its subscription; enqueue once it has.
    wait_for(
        &pool,
        "SELECT count(*) FROM queue.subscriptions WHERE consumer = 'probe'",
        1,
    )
    .await;
    let ctx = Ctx::system("test", "req".into());
    let mut conn = pool.acquire().await.unwrap_or_else(|e| panic!("{e}"));
    queue::enqueue(
        &mut conn,
        &JobRequest::new("probe.work", serde_json::json!({})),
        &ctx,
        &SystemClock,
        &UuidV7Generator,
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    wait_for(&pool, "SELECT count(*) FROM probe_starts", 1).await;
    // SIGKILL: no cleanup runs, the delivery stays leased to the dead process.
    hanging.start_kill().unwrap_or_else(|e| panic!("{e}"));
    let _ = hanging.wait().await;
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM queue.deliveries WHERE status = 'running'"
        )
        .await,
        1
    );

    let mut finishing = tokio::process::Command::new(&exe)
        .arg("finish")
        .env("DATABASE_URL", &url)
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    wait_for(
        &pool,
        "SELECT count(*) FROM queue.deliveries WHERE status = 'done'",
        1,
    )
    .await;
    let _ = finishing.start_kill();
    let _ = finishing.wait().await;
    assert_eq!(count(&pool, "SELECT count(*) FROM probe_effects").await, 1);
    assert_eq!(
        count(&pool, "SELECT count(DISTINCT pid) FROM probe_starts").await,
        2
    );
    assert_eq!(
        count(&pool, "SELECT attempts::bigint FROM queue.deliveries").await,
        2
    );
}

async fn database_url(pool: &PgPool) -> String {
    let name: String = sqlx::query_scalar("SELECT current_database()")
        .fetch_one(pool)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let base = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let root = base
        .rsplit_once('/')
        .map(|(root, _)| root.to_owned())
        .unwrap_or(base);
    format!("{root}/{name}")
}

/// The `probe_worker` example, which `cargo test` builds next to the test binaries.
fn probe_worker_path() -> std::path::PathBuf {
    let test_exe = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let profile_dir = test_exe
        .parent()
        .and_then(|deps| deps.parent())
        .unwrap_or_else(|| panic!("unexpected test binary location"));
    let path = profile_dir.join("examples").join("probe_worker");
    assert!(
        path.exists(),
        "{} is missing: run through `cargo test`, which builds examples",
        path.display()
    );
    path
}
