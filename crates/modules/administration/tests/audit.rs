//! The audit log against a real PostgreSQL (one fresh database per test).
//!
//! Run with `DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::{error::Error, sync::Arc, time::Duration};

use async_trait::async_trait;
use chrono::Utc;
use sejour_administration::{
    application::{
        AuditEntry, canonical_json,
        commands::verify_audit_chain::{ChainVerdict, VerifyAuditChainHandler},
        queries::search_audit::{AuditPage, SearchAuditHandler, SearchAuditQuery},
    },
    domain::{AuditRecord, ChainBreak, GENESIS_HASH, audit_timestamp},
    infrastructure::{
        AuditTrail, PgAuditLogRepository, repositories::pg_audit_log_repository as repository,
    },
};
use sejour_core::{Actor, AppError, Ctx, EventEnvelope, SystemClock, UuidV7Generator};
use sejour_infrastructure::queue::{
    self, Consumer, ConsumerError, Delivery, Subscription, Worker, WorkerOptions,
};
use serde_json::{Value, json};
use sqlx::{PgPool, postgres::PgPoolOptions};
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

type TestResult = Result<(), Box<dyn Error>>;

async fn migrate(pool: &PgPool) -> TestResult {
    sejour_infrastructure::db::merge_migrators(&[
        &sejour_infrastructure::db::MIGRATOR,
        &sejour_administration::MIGRATOR,
    ])?
    .run(pool)
    .await?;
    Ok(())
}

fn ctx(n: usize) -> Ctx {
    Ctx {
        actor: Actor::User {
            id: Uuid::from_u128(n as u128),
            role: sejour_core::Role::Manager,
        },
        request_id: format!("req-{n}"),
        ip: Some("203.0.113.9".parse().unwrap()),
        correlation_id: format!("corr-{n}"),
        causation_id: None,
    }
}

fn entry(n: usize) -> AuditEntry {
    AuditEntry::new(
        &ctx(n),
        "reservations.reservation_confirmed",
        "reservation",
        Some(format!("r-{n}")),
    )
    .before(json!({"status": "pending", "n": n}))
    .after(json!({"status": "confirmed", "n": n}))
}

/// Appends `entry` in a transaction of its own.
async fn append(pool: &PgPool, entry: AuditEntry) -> Result<AuditRecord, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let record = repository::append(&mut tx, &SystemClock, &UuidV7Generator, entry).await?;
    tx.commit().await?;
    Ok(record)
}

async fn all_rows(pool: &PgPool) -> Result<Vec<AuditRecord>, sqlx::Error> {
    repository::fetch_batch(pool, 0, 100_000).await
}

/// The audit log of `pool`, as the use cases get it.
fn audit_log(pool: &PgPool) -> Arc<PgAuditLogRepository> {
    Arc::new(PgAuditLogRepository::new(
        pool.clone(),
        Arc::new(SystemClock),
        Arc::new(UuidV7Generator),
    ))
}

async fn verify_audit_chain(pool: &PgPool) -> Result<ChainVerdict, AppError> {
    VerifyAuditChainHandler::new(audit_log(pool)).handle().await
}

async fn search_audit(pool: &PgPool, query: SearchAuditQuery) -> Result<AuditPage, AppError> {
    SearchAuditHandler::new(audit_log(pool)).handle(query).await
}

async fn verdict(pool: &PgPool) -> ChainVerdict {
    verify_audit_chain(pool).await.unwrap()
}

fn broken_at(verdict: ChainVerdict) -> (i64, ChainBreak) {
    match verdict {
        ChainVerdict::Broken(broken) => (broken.seq, broken.reason),
        ChainVerdict::Intact { rows, .. } => panic!("expected a broken chain, {rows} rows verify"),
    }
}

#[sqlx::test(migrations = false)]
async fn update_delete_and_truncate_are_refused_by_the_database(pool: PgPool) -> TestResult {
    migrate(&pool).await?;
    for n in 0..3 {
        append(&pool, entry(n)).await?;
    }

    for statement in [
        "UPDATE administration.audit_log SET actor = 'user:someone-else'",
        "UPDATE administration.audit_log SET actor = 'x' WHERE seq = -1",
        "DELETE FROM administration.audit_log WHERE seq = 2",
        "TRUNCATE administration.audit_log",
    ] {
        let err = sqlx::query(statement).execute(&pool).await.unwrap_err();
        let message = err.to_string();
        assert!(message.contains("append-only"), "{statement}: {message}");
        let code = err.as_database_error().and_then(|e| e.code()).unwrap();
        assert_eq!(code, "42501", "{statement}");
    }

    assert_eq!(all_rows(&pool).await?.len(), 3);
    assert!(matches!(
        verdict(&pool).await,
        ChainVerdict::Intact { rows: 3, .. }
    ));
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn an_empty_log_verifies_with_the_genesis_head(pool: PgPool) -> TestResult {
    migrate(&pool).await?;
    assert_eq!(
        verdict(&pool).await,
        ChainVerdict::Intact {
            rows: 0,
            head: GENESIS_HASH.to_owned()
        }
    );
    Ok(())
}

/// Edits rows with the append-only triggers disabled: behind the database's back.
async fn tamper(pool: &PgPool, statement: &str) -> TestResult {
    let mut tx = pool.begin().await?;
    sqlx::query("ALTER TABLE administration.audit_log DISABLE TRIGGER USER")
        .execute(&mut *tx)
        .await?;
    sqlx::query(statement).execute(&mut *tx).await?;
    sqlx::query("ALTER TABLE administration.audit_log ENABLE TRIGGER USER")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn an_edited_row_is_reported_at_its_seq(pool: PgPool) -> TestResult {
    migrate(&pool).await?;
    let mut records = Vec::new();
    for n in 0..5 {
        records.push(append(&pool, entry(n)).await?);
    }
    assert_eq!(
        verdict(&pool).await,
        ChainVerdict::Intact {
            rows: 5,
            head: records[4].hash.clone()
        }
    );

    let victim = records[2].seq;
    tamper(
        &pool,
        &format!(
            "UPDATE administration.audit_log SET after = '{{\"status\": \"cancelled\", \"n\": 2}}' \
             WHERE seq = {victim}"
        ),
    )
    .await?;

    let (seq, reason) = broken_at(verdict(&pool).await);
    assert_eq!(seq, victim);
    assert!(
        matches!(reason, ChainBreak::HashMismatch { .. }),
        "{reason}"
    );
    // The triggers are back on.
    assert!(
        sqlx::query("DELETE FROM administration.audit_log")
            .execute(&pool)
            .await
            .is_err()
    );
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn a_deleted_row_is_reported_at_the_next_seq(pool: PgPool) -> TestResult {
    migrate(&pool).await?;
    let mut records = Vec::new();
    for n in 0..5 {
        records.push(append(&pool, entry(n)).await?);
    }
    tamper(
        &pool,
        &format!(
            "DELETE FROM administration.audit_log WHERE seq = {}",
            records[1].seq
        ),
    )
    .await?;

    let (seq, reason) = broken_at(verdict(&pool).await);
    assert_eq!(seq, records[2].seq);
    assert!(matches!(reason, ChainBreak::BrokenLink { .. }), "{reason}");
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn concurrent_appenders_build_one_valid_chain(pool: PgPool) -> TestResult {
    migrate(&pool).await?;
    // More connections than the test pool's five, so that appenders really contend.
    let wide = PgPoolOptions::new()
        .max_connections(20)
        .connect_with(pool.connect_options().as_ref().clone())
        .await?;

    let mut tasks = tokio::task::JoinSet::new();
    for task in 0..20 {
        let pool = wide.clone();
        tasks.spawn(async move {
            for i in 0..10 {
                append(&pool, entry(task * 100 + i)).await?;
            }
            Ok::<_, sqlx::Error>(())
        });
    }
    while let Some(done) = tasks.join_next().await {
        done??;
    }
    wide.close().await;

    let rows = all_rows(&pool).await?;
    assert_eq!(rows.len(), 200);
    match verdict(&pool).await {
        ChainVerdict::Intact { rows: 200, head } => assert_eq!(head, rows[199].hash),
        other => panic!("{other:?}"),
    }
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn canonical_json_survives_a_jsonb_round_trip(pool: PgPool) -> TestResult {
    migrate(&pool).await?;
    let doc = json!({
        "zeta": {"b": [1.5, 10, -3, 0, 2.25e-5, true, null], "a": {"nested": {"deep": "x"}}},
        "unicode": "Séjour à Saint-Étienne — 東京 🏖️ \"quoted\" \\ back\nslash\t",
        "amount": {"amount": 12345, "currency": "EUR"},
        "empty": {},
        "list": [],
        "big": 9_007_199_254_740_993_u64,
        "negative": -42,
        "ratio": 1.5,
        "ten": 10,
    });
    let canonical = canonical_json(&doc);

    // jsonb → serde_json::Value → text gives the same text back.
    let back: Value = sqlx::query_scalar("SELECT $1::jsonb")
        .bind(&doc)
        .fetch_one(&pool)
        .await?;
    assert_eq!(canonical_json(&back), canonical);
    let from_text: Value = sqlx::query_scalar("SELECT $1::text::jsonb")
        .bind(&canonical)
        .fetch_one(&pool)
        .await?;
    assert_eq!(canonical_json(&from_text), canonical);

    // And through the audit log itself.
    let ctx = Ctx::system("test", "req-json".into());
    let appended = append(
        &pool,
        AuditEntry::new(&ctx, "test.json", "document", None).after(doc),
    )
    .await?;
    assert_eq!(appended.after.as_deref(), Some(canonical.as_str()));
    let stored = all_rows(&pool).await?;
    assert_eq!(stored, vec![appended]);
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn awkward_documents_are_stored_as_hashed(pool: PgPool) -> TestResult {
    migrate(&pool).await?;
    let mut ctx = ctx(7);
    ctx.ip = Some("2001:db8:0:0:0:0:0:1".parse().unwrap());
    let awkward = json!({
        "negative_zero": -0.0,
        "sum": 0.1 + 0.2,
        "huge": 1e300,
        "tiny": 1e-7,
        "long": 123_456_789.123_456_79,
        "u64_max": u64::MAX,
        "i64_min": i64::MIN,
        "nul\u{0}key": "nul\u{0}value",
        "separators": "\u{2028}\u{2029}",
        "credentials": {"password": "hunter2", "Refresh_Token": "abc", "iban": "FR76..."},
    });
    let appended = append(
        &pool,
        AuditEntry::new(&ctx, "test.awkward", "document", Some("d-1".into()))
            .before(json!([{"apiSecret": 1}]))
            .after(awkward),
    )
    .await?;
    let stored = all_rows(&pool).await?;
    assert_eq!(stored, vec![appended.clone()]);

    let after = appended.after.unwrap();
    assert!(!after.contains("hunter2") && !after.contains("abc") && !after.contains("FR76"));
    assert!(after.contains(r#""password":"[redacted]""#));
    assert_eq!(
        appended.before.as_deref(),
        Some(r#"[{"apiSecret":"[redacted]"}]"#)
    );
    assert!(!after.contains('\0'));
    assert_eq!(appended.ip, Some("2001:db8::1".parse().unwrap()));
    assert!(matches!(
        verdict(&pool).await,
        ChainVerdict::Intact { rows: 1, .. }
    ));
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn append_needs_a_read_committed_transaction(pool: PgPool) -> TestResult {
    migrate(&pool).await?;
    let mut conn = pool.acquire().await?;
    let err = repository::append(&mut conn, &SystemClock, &UuidV7Generator, entry(1))
        .await
        .unwrap_err();
    assert!(matches!(err, sqlx::Error::InvalidArgument(_)), "{err}");

    let mut tx = pool.begin().await?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        .execute(&mut *tx)
        .await?;
    let err = repository::append(&mut tx, &SystemClock, &UuidV7Generator, entry(1))
        .await
        .unwrap_err();
    assert!(matches!(err, sqlx::Error::InvalidArgument(_)), "{err}");
    tx.rollback().await?;

    assert!(all_rows(&pool).await?.is_empty());
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn a_rolled_back_transaction_leaves_no_audit_row(pool: PgPool) -> TestResult {
    migrate(&pool).await?;
    let first = append(&pool, entry(1)).await?;
    let mut tx = pool.begin().await?;
    repository::append(&mut tx, &SystemClock, &UuidV7Generator, entry(2)).await?;
    tx.rollback().await?;
    let third = append(&pool, entry(3)).await?;

    assert_eq!(third.prev_hash, first.hash);
    assert_eq!(all_rows(&pool).await?, vec![first, third]);
    assert!(matches!(
        verdict(&pool).await,
        ChainVerdict::Intact { rows: 2, .. }
    ));
    Ok(())
}

#[sqlx::test(migrations = false)]
async fn search_filters_and_pages_newest_first(pool: PgPool) -> TestResult {
    migrate(&pool).await?;
    let start = Utc::now();
    let mut records = Vec::new();
    for n in 0..7 {
        let mut e = entry(n % 2);
        e.action = if n < 5 {
            "auth.login_succeeded"
        } else {
            "admin.dead_letter_replayed"
        }
        .into();
        e.target_id = Some(format!("r-{}", n % 3));
        e.occurred_at = Some(start + chrono::Duration::seconds(n as i64));
        records.push(append(&pool, e).await?);
    }
    let seqs = |items: &[AuditRecord]| items.iter().map(|r| r.seq).collect::<Vec<_>>();
    let expect = |pick: &dyn Fn(usize) -> bool| {
        let mut v: Vec<i64> = (0..7)
            .filter(|n| pick(*n))
            .map(|n| records[n].seq)
            .collect();
        v.reverse();
        v
    };

    // Paging through everything, three at a time, newest first.
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let page = search_audit(
            &pool,
            SearchAuditQuery {
                cursor,
                limit: Some(3),
                ..SearchAuditQuery::default()
            },
        )
        .await?;
        assert!(page.items.len() <= 3);
        seen.extend(seqs(&page.items));
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(seen, expect(&|_| true));

    let by = |query: SearchAuditQuery| {
        let pool = pool.clone();
        async move { search_audit(&pool, query).await.map(|p| seqs(&p.items)) }
    };
    assert_eq!(
        by(SearchAuditQuery {
            actor: Some(format!("user:{}", Uuid::from_u128(1))),
            ..SearchAuditQuery::default()
        })
        .await?,
        expect(&|n| n % 2 == 1)
    );
    assert_eq!(
        by(SearchAuditQuery {
            action: Some("admin.dead_letter_replayed".into()),
            ..SearchAuditQuery::default()
        })
        .await?,
        expect(&|n| n >= 5)
    );
    assert_eq!(
        by(SearchAuditQuery {
            target_type: Some("reservation".into()),
            target_id: Some("r-0".into()),
            ..SearchAuditQuery::default()
        })
        .await?,
        expect(&|n| n % 3 == 0)
    );
    assert_eq!(
        by(SearchAuditQuery {
            from: Some(records[2].occurred_at),
            to: Some(records[4].occurred_at),
            ..SearchAuditQuery::default()
        })
        .await?,
        expect(&|n| (2..4).contains(&n))
    );
    assert_eq!(
        by(SearchAuditQuery {
            target_type: Some("payment".into()),
            ..SearchAuditQuery::default()
        })
        .await?,
        Vec::<i64>::new()
    );

    let invalid = search_audit(
        &pool,
        SearchAuditQuery {
            limit: Some(500),
            ..SearchAuditQuery::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(invalid.code, "validation.failed");
    Ok(())
}

/// The audit trail, handling every delivery twice in a row and then twice at once, as a
/// redelivery would.
struct HandledTwice(AuditTrail);

#[async_trait]
impl Consumer for HandledTwice {
    fn name(&self) -> &'static str {
        self.0.name()
    }

    fn subscriptions(&self) -> Vec<Subscription> {
        self.0.subscriptions()
    }

    async fn handle(&self, delivery: &Delivery) -> Result<(), ConsumerError> {
        self.0.handle(delivery).await?;
        self.0.handle(delivery).await?;
        let (a, b) = tokio::join!(self.0.handle(delivery), self.0.handle(delivery));
        a.and(b)
    }
}

#[sqlx::test(migrations = false)]
async fn the_audit_trail_records_each_event_once(pool: PgPool) -> TestResult {
    migrate(&pool).await?;
    let trail = HandledTwice(AuditTrail::new(
        Arc::new(SystemClock),
        Arc::new(UuidV7Generator),
    ));
    assert_eq!(trail.name(), "administration.audit");
    assert_eq!(trail.subscriptions(), vec![Subscription::AllEvents]);
    let consumers: Vec<Arc<dyn Consumer>> = vec![Arc::new(trail)];
    queue::worker::register_subscriptions(&pool, &consumers).await?;

    // Five events, one carrying a secret, and a job (never audited).
    let ctx = ctx(3);
    let mut events = Vec::new();
    let mut tx = pool.begin().await?;
    for n in 0..5 {
        let event = EventEnvelope {
            id: Uuid::now_v7(),
            event_type: "reservations.ReservationCreated".into(),
            aggregate_type: "reservation".into(),
            aggregate_id: format!("r-{n}"),
            occurred_at: Utc::now(),
            version: 1,
            payload: json!({"reservationId": format!("r-{n}"), "guest": {"accessToken": "t"}}),
            correlation_id: Some(ctx.correlation_id.clone()),
            causation_id: Some(ctx.request_id.clone()),
            actor: Some(ctx.actor.label()),
            ip: Some("203.0.113.9".into()),
        };
        queue::publish(&mut tx, &event).await?;
        events.push(event);
    }
    queue::enqueue(
        &mut tx,
        &queue::JobRequest::new("test.job", json!({})),
        &ctx,
        &SystemClock,
        &UuidV7Generator,
    )
    .await?;
    tx.commit().await?;

    let worker = Arc::new(Worker::new(
        pool.clone(),
        Arc::new(SystemClock),
        consumers,
        WorkerOptions {
            poll_interval: Duration::from_millis(50),
            shutdown_grace: Duration::from_secs(5),
            ..WorkerOptions::default()
        },
    ));
    let shutdown = CancellationToken::new();
    let running = tokio::spawn(worker.run(shutdown.clone()));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let unfinished: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM queue.deliveries \
             WHERE consumer = 'administration.audit' AND status <> 'done'",
        )
        .fetch_one(&pool)
        .await?;
        if unfinished == 0 {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{unfinished} deliveries left"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    shutdown.cancel();
    running.await?;

    let deliveries: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM queue.deliveries WHERE consumer = 'administration.audit'",
    )
    .fetch_one(&pool)
    .await?;
    assert_eq!(deliveries, 5, "one delivery per event, none for the job");

    let rows = all_rows(&pool).await?;
    assert_eq!(rows.len(), 5, "one audit row per event");
    for event in &events {
        let row = rows.iter().find(|r| r.id == event.id).unwrap();
        assert_eq!(row.action, "reservations.ReservationCreated");
        assert_eq!(row.target_type, "reservation");
        assert_eq!(row.target_id.as_deref(), Some(event.aggregate_id.as_str()));
        assert_eq!(row.actor, ctx.actor.label());
        assert_eq!(row.actor_role, None);
        assert_eq!(row.request_id.as_deref(), Some("req-3"));
        assert_eq!(row.correlation_id.as_deref(), Some("corr-3"));
        assert_eq!(row.occurred_at, audit_timestamp(event.occurred_at));
        assert_eq!(row.before, None);
        assert_eq!(
            row.after.as_deref(),
            Some(
                format!(
                    r#"{{"guest":{{"accessToken":"[redacted]"}},"reservationId":"{}"}}"#,
                    event.aggregate_id
                )
                .as_str()
            )
        );
    }
    assert!(matches!(
        verdict(&pool).await,
        ChainVerdict::Intact { rows: 5, .. }
    ));
    Ok(())
}
