//! Rate limits: the in-process limiter under a manual clock, and the Redis limiter against
//! a real Redis (`REDIS_URL`, default `redis://127.0.0.1:6379`). Each test uses keys of
//! its own, so tests share one Redis safely.

use std::{sync::Arc, time::Duration};

use chrono::Utc;
use sejour_core::ports::ManualClock;
use sejour_infrastructure::{
    rate_limit::{MemoryRateLimiter, RateDecision, RateLimiter, RedisRateLimiter, limiter_from},
    redis::RedisClient,
};

/// A key prefix no other test (or run) uses.
fn unique() -> String {
    format!("test:{}:", uuid::Uuid::now_v7().simple())
}

async fn redis() -> RedisClient {
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into());
    RedisClient::connect(&url)
        .await
        .unwrap_or_else(|e| panic!("Redis at {url}: {e}"))
}

async fn hit(limiter: &dyn RateLimiter, key: &str, limit: u32, window: Duration) -> RateDecision {
    limiter
        .hit(key, limit, window)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

fn retry_after(decision: RateDecision) -> Duration {
    match decision {
        RateDecision::Limited { retry_after } => retry_after,
        allowed => panic!("expected Limited, got {allowed:?}"),
    }
}

/// `limit` hits are allowed with a count-down, the next ones limited within the window.
async fn allows_up_to_the_limit(limiter: &dyn RateLimiter, key: &str, window: Duration) {
    for remaining in (0..3).rev() {
        assert_eq!(
            hit(limiter, key, 3, window).await,
            RateDecision::Allowed { remaining }
        );
    }
    for _ in 0..2 {
        let wait = retry_after(hit(limiter, key, 3, window).await);
        assert!(wait > Duration::ZERO && wait <= window, "{wait:?}");
    }
}

/// Keys count separately, peek does not count, and reset starts over.
async fn keys_are_independent_and_reset_clears(limiter: &dyn RateLimiter, prefix: &str) {
    let window = Duration::from_secs(60);
    let (a, b) = (format!("{prefix}a"), format!("{prefix}b"));
    allows_up_to_the_limit(limiter, &a, window).await;
    assert_eq!(
        hit(limiter, &b, 3, window).await,
        RateDecision::Allowed { remaining: 2 }
    );
    let peek = |key: String| async move {
        limiter
            .peek(&key, 3)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    };
    assert!(!peek(a.clone()).await.is_allowed());
    assert_eq!(
        peek(b.clone()).await,
        RateDecision::Allowed { remaining: 2 }
    );
    assert_eq!(
        peek(b.clone()).await,
        RateDecision::Allowed { remaining: 2 }
    );
    assert_eq!(
        peek(format!("{prefix}never")).await,
        RateDecision::Allowed { remaining: 3 }
    );

    limiter.reset(&a).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        peek(a.clone()).await,
        RateDecision::Allowed { remaining: 3 }
    );
    assert_eq!(
        hit(limiter, &a, 3, window).await,
        RateDecision::Allowed { remaining: 2 }
    );
    assert_eq!(
        hit(limiter, &b, 3, window).await,
        RateDecision::Allowed { remaining: 1 }
    );
}

// ----- In process. -----

#[tokio::test]
async fn memory_allows_the_limit_then_limits_until_the_window_passes() {
    let clock = Arc::new(ManualClock::new(Utc::now()));
    let limiter = MemoryRateLimiter::new(clock.clone());
    let window = Duration::from_secs(60);
    allows_up_to_the_limit(&limiter, "login:ip:203.0.113.7", window).await;

    clock.advance(chrono::Duration::seconds(45));
    assert_eq!(
        retry_after(hit(&limiter, "login:ip:203.0.113.7", 3, window).await),
        Duration::from_secs(15),
        "limited hits do not extend the window"
    );
    clock.advance(chrono::Duration::seconds(15));
    assert_eq!(
        hit(&limiter, "login:ip:203.0.113.7", 3, window).await,
        RateDecision::Allowed { remaining: 2 },
        "a new window"
    );
}

#[tokio::test]
async fn memory_keys_are_independent_and_reset_clears() {
    let limiter = MemoryRateLimiter::new(Arc::new(ManualClock::new(Utc::now())));
    keys_are_independent_and_reset_clears(&limiter, &unique()).await;
}

#[tokio::test]
async fn without_redis_the_limiter_is_in_process() {
    let clock = Arc::new(ManualClock::new(Utc::now()));
    let limiter = limiter_from(None, clock.clone());
    let window = Duration::from_secs(10);
    assert!(hit(limiter.as_ref(), "k", 1, window).await.is_allowed());
    assert!(!hit(limiter.as_ref(), "k", 1, window).await.is_allowed());
    clock.advance(chrono::Duration::seconds(10));
    assert!(hit(limiter.as_ref(), "k", 1, window).await.is_allowed());
}

// ----- Redis. -----

#[tokio::test]
async fn redis_allows_the_limit_then_limits_until_the_window_passes() {
    let limiter = RedisRateLimiter::new(redis().await);
    let key = format!("{}login", unique());
    let window = Duration::from_millis(300);
    allows_up_to_the_limit(&limiter, &key, window).await;
    tokio::time::sleep(Duration::from_millis(350)).await;
    assert_eq!(
        hit(&limiter, &key, 3, window).await,
        RateDecision::Allowed { remaining: 2 },
        "a new window"
    );
}

#[tokio::test]
async fn redis_keys_are_independent_and_reset_clears() {
    let limiter = limiter_from(Some(redis().await), Arc::new(ManualClock::new(Utc::now())));
    keys_are_independent_and_reset_clears(limiter.as_ref(), &unique()).await;
}

#[tokio::test]
async fn redis_counts_concurrent_hits_exactly() {
    let limiter = Arc::new(RedisRateLimiter::new(redis().await));
    let key = format!("{}burst", unique());
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let (limiter, key) = (limiter.clone(), key.clone());
        tasks.spawn(async move { hit(limiter.as_ref(), &key, 10, Duration::from_secs(60)).await });
    }
    let mut allowed = 0;
    while let Some(decision) = tasks.join_next().await {
        if decision.unwrap_or_else(|e| panic!("{e}")).is_allowed() {
            allowed += 1;
        }
    }
    assert_eq!(allowed, 10);
}

#[tokio::test]
async fn redis_keys_carry_the_prefix_and_expire() {
    let client = redis().await;
    let limiter = RedisRateLimiter::new(client.clone());
    let key = format!("{}ttl", unique());
    hit(&limiter, &key, 5, Duration::from_secs(60)).await;
    let mut conn = client.connection();
    let ttl: i64 = redis::cmd("PTTL")
        .arg(format!("sejour:rl:{key}"))
        .query_async(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(ttl > 0 && ttl <= 60_000, "{ttl}");
}

#[tokio::test]
async fn a_redis_error_fails_open() {
    let client = redis().await;
    let limiter = RedisRateLimiter::new(client.clone());
    let key = format!("{}broken", unique());
    // A value INCR refuses: every hit now makes Redis answer an error.
    let mut conn = client.connection();
    redis::cmd("SET")
        .arg(format!("sejour:rl:{key}"))
        .arg("not a number")
        .arg("PX")
        .arg(60_000)
        .query_async::<()>(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..3 {
        assert_eq!(
            hit(&limiter, &key, 1, Duration::from_secs(60)).await,
            RateDecision::Allowed { remaining: 1 }
        );
    }
    limiter.reset(&key).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        hit(&limiter, &key, 1, Duration::from_secs(60)).await,
        RateDecision::Allowed { remaining: 0 }
    );
}
