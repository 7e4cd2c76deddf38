//! A worker process used by the queue's crash test (`tests/queue.rs`): it runs one
//! consumer, `probe`, for jobs named `probe.work`. In `hang` mode the consumer records
//! that it started and then never finishes, so the test can SIGKILL the process
//! mid-job; in `finish` mode it records the job's effect exactly once.
//!
//! Usage: `DATABASE_URL=... probe_worker hang|finish`

use std::{sync::Arc, time::Duration};

use async_trait::async_trait;
use sejour_core::SystemClock;
use sejour_infrastructure::queue::{
    Consumer, ConsumerError, Delivery, Subscription, Worker, WorkerOptions,
    worker::register_subscriptions,
};
use tokio_util::sync::CancellationToken;

struct Probe {
    hang: bool,
}

#[async_trait]
impl Consumer for Probe {
    fn name(&self) -> &'static str {
        "probe"
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        vec![Subscription::Job("probe.work")]
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        sqlx::query("INSERT INTO probe_starts (message_id, pid) VALUES ($1, $2)")
            .bind(delivery.message.id)
            .bind(i32::try_from(std::process::id()).unwrap_or(0))
            .execute(delivery.pool())
            .await?;
        if self.hang {
            std::future::pending::<()>().await;
        }
        if let Some(mut tx) = delivery.once().await? {
            sqlx::query("INSERT INTO probe_effects (message_id) VALUES ($1)")
                .bind(delivery.message.id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        }
        Ok(())
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::var("DATABASE_URL")?;
    let hang = std::env::args().nth(1).as_deref() == Some("hang");
    let pool = sejour_infrastructure::db::connect(&url, 4).await?;
    let consumers: Vec<Arc<dyn Consumer>> = vec![Arc::new(Probe { hang })];
    register_subscriptions(&pool, &consumers).await?;
    let worker = Arc::new(Worker::new(
        pool,
        Arc::new(SystemClock),
        consumers,
        WorkerOptions {
            lease: Duration::from_secs(2),
            poll_interval: Duration::from_millis(100),
            ..WorkerOptions::default()
        },
    ));
    let shutdown = CancellationToken::new();
    let stop = shutdown.clone();
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        stop.cancel();
    });
    worker.run(shutdown).await;
    Ok(())
}
