//! Rate limits: the [`RateLimiter`] port and its adapters, [`RedisRateLimiter`] (shared by
//! every replica) and [`MemoryRateLimiter`] (the embedded default, one process).
//!
//! Counting is by fixed window: the first hit on a key opens a window of the given length,
//! every hit in it counts, and hits beyond the limit are refused until the window ends.
//! Keys are free-form, e.g. `login:ip:203.0.113.7` or `login:account:<user id>`.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::Clock;

use crate::redis::RedisClient;

/// The outcome of a hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateDecision {
    /// Go ahead; `remaining` more hits are allowed in this window.
    Allowed {
        /// Hits still allowed before the window ends.
        remaining: u32,
    },
    /// Refused; the window ends after `retry_after` (always more than zero).
    Limited {
        /// Time left in the window.
        retry_after: Duration,
    },
}

impl RateDecision {
    /// Whether the action may go ahead.
    pub fn is_allowed(&self) -> bool {
        matches!(self, RateDecision::Allowed { .. })
    }

    /// The decision for a key hit `count` times in a window with `left` to run.
    fn of(count: u64, limit: u32, left: Duration) -> Self {
        if count <= u64::from(limit) {
            let used = u32::try_from(count).unwrap_or(limit);
            RateDecision::Allowed {
                remaining: limit - used,
            }
        } else {
            RateDecision::Limited {
                retry_after: left.max(Duration::from_millis(1)),
            }
        }
    }

    /// Turns the decision of a hypothetical next hit into the current state: one more hit
    /// was counted to decide, so one more remains.
    fn peeked(self) -> Self {
        match self {
            RateDecision::Allowed { remaining } => RateDecision::Allowed {
                remaining: remaining.saturating_add(1),
            },
            limited => limited,
        }
    }
}

/// The limiter's store failed.
#[derive(Debug, thiserror::Error)]
#[error("rate limiter: {0}")]
pub struct RateLimitError(pub String);

/// Counts hits per key in fixed windows.
#[async_trait]
pub trait RateLimiter: Send + Sync {
    /// Counts one hit on `key`; the first hit opens a window of `window`, and the hits
    /// beyond `limit` in it are [`RateDecision::Limited`].
    async fn hit(
        &self,
        key: &str,
        limit: u32,
        window: Duration,
    ) -> Result<RateDecision, RateLimitError>;

    /// What the next hit would find, without counting: `Allowed` with the hits still
    /// allowed, or `Limited` when `limit` is used up (e.g. check an account's lock before
    /// verifying a password, and [`hit`](Self::hit) only on failures).
    async fn peek(&self, key: &str, limit: u32) -> Result<RateDecision, RateLimitError>;

    /// Forgets `key` (e.g. the failure count after a successful login).
    async fn reset(&self, key: &str) -> Result<(), RateLimitError>;
}

/// Redis when configured, else the in-process limiter.
pub fn limiter_from(redis: Option<RedisClient>, clock: Arc<dyn Clock>) -> Arc<dyn RateLimiter> {
    match redis {
        Some(client) => Arc::new(RedisRateLimiter::new(client)),
        None => Arc::new(MemoryRateLimiter::new(clock)),
    }
}

/// `INCR`, then `PEXPIRE` on the first hit (or on a key that somehow lost its expiry, so
/// that no key can lock anyone out forever), then `PTTL`: one atomic step.
const HIT_SCRIPT: &str = "\
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if n == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}";

/// The count and the time left, without counting.
const PEEK_SCRIPT: &str = "\
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
return {n, redis.call('PTTL', KEYS[1])}";

/// Rate limits in Redis, shared by every replica. Keys are prefixed `sejour:rl:`.
///
/// **Fails open.** When Redis errs or does not answer within the timeout, [`hit`] and
/// [`peek`] log a warning, count `sejour_rate_limit_errors_total` and answer `Allowed`.
/// A Redis outage must not lock every user out of signing in; the limits are a brake on
/// abuse, not the only defence (passwords are slow to verify, accounts are audited), and
/// a limit missed for the minutes of an outage costs less than a platform-wide lockout.
/// [`reset`] returns its error: a count that is not reset simply expires.
///
/// The scripts run with `EVAL` (the `redis` crate's `Script` helper needs its `script`
/// feature, not enabled in this workspace); they are a few hundred bytes.
///
/// [`hit`]: RateLimiter::hit
/// [`peek`]: RateLimiter::peek
/// [`reset`]: RateLimiter::reset
#[derive(Clone)]
pub struct RedisRateLimiter {
    redis: RedisClient,
    timeout: Duration,
}

impl RedisRateLimiter {
    /// The key prefix.
    pub const PREFIX: &'static str = "sejour:rl:";

    /// A limiter on `redis`, giving up (and failing open) after 500 ms.
    pub fn new(redis: RedisClient) -> Self {
        Self {
            redis,
            timeout: Duration::from_millis(500),
        }
    }

    /// The same limiter with another timeout per call.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    async fn eval(&self, script: &str, key: &str, arg: i64) -> Result<(i64, i64), RateLimitError> {
        let mut conn = self.redis.connection();
        let mut cmd = redis::cmd("EVAL");
        cmd.arg(script)
            .arg(1)
            .arg(format!("{}{key}", Self::PREFIX))
            .arg(arg);
        let call = cmd.query_async::<(i64, i64)>(&mut conn);
        match tokio::time::timeout(self.timeout, call).await {
            Ok(result) => result.map_err(|e| RateLimitError(e.to_string())),
            Err(_) => Err(RateLimitError(format!(
                "no answer from Redis within {:?}",
                self.timeout
            ))),
        }
    }

    /// Logs and counts a failure, and lets the request through.
    fn fail_open(error: &RateLimitError, limit: u32) -> RateDecision {
        tracing::warn!(%error, "rate limiter unavailable; allowing the request");
        metrics::counter!("sejour_rate_limit_errors_total").increment(1);
        RateDecision::Allowed { remaining: limit }
    }
}

/// A TTL in milliseconds from Redis (negative: no key or no expiry) as a duration.
fn millis(ttl: i64) -> Duration {
    Duration::from_millis(u64::try_from(ttl).unwrap_or(0))
}

#[async_trait]
impl RateLimiter for RedisRateLimiter {
    async fn hit(
        &self,
        key: &str,
        limit: u32,
        window: Duration,
    ) -> Result<RateDecision, RateLimitError> {
        let window_ms = i64::try_from(window.as_millis()).unwrap_or(i64::MAX).max(1);
        match self.eval(HIT_SCRIPT, key, window_ms).await {
            Ok((count, ttl)) => Ok(RateDecision::of(
                u64::try_from(count).unwrap_or(0),
                limit,
                millis(ttl),
            )),
            Err(e) => Ok(Self::fail_open(&e, limit)),
        }
    }

    async fn peek(&self, key: &str, limit: u32) -> Result<RateDecision, RateLimitError> {
        match self.eval(PEEK_SCRIPT, key, 0).await {
            Ok((count, ttl)) => Ok(RateDecision::of(
                u64::try_from(count).unwrap_or(0).saturating_add(1),
                limit,
                millis(ttl),
            )
            .peeked()),
            Err(e) => Ok(Self::fail_open(&e, limit)),
        }
    }

    async fn reset(&self, key: &str) -> Result<(), RateLimitError> {
        let mut conn = self.redis.connection();
        let mut cmd = redis::cmd("DEL");
        cmd.arg(format!("{}{key}", Self::PREFIX));
        let call = cmd.query_async::<i64>(&mut conn);
        match tokio::time::timeout(self.timeout, call).await {
            Ok(result) => result
                .map(|_| ())
                .map_err(|e| RateLimitError(e.to_string())),
            Err(_) => Err(RateLimitError(format!(
                "no answer from Redis within {:?}",
                self.timeout
            ))),
        }
    }
}

/// One key's window.
#[derive(Debug, Clone, Copy)]
struct Window {
    count: u32,
    ends_at: DateTime<Utc>,
}

#[derive(Debug, Default)]
struct State {
    windows: HashMap<String, Window>,
    /// Hits since the last sweep of expired windows.
    since_sweep: usize,
}

/// Rate limits in this process's memory (the embedded default). Each replica counts on
/// its own. Time comes from the [`Clock`], so tests move it; expired windows are swept
/// after as many hits as there are keys (at least 64), which keeps the cost per hit
/// constant on average and memory bounded by the keys active in one window.
pub struct MemoryRateLimiter {
    clock: Arc<dyn Clock>,
    state: Mutex<State>,
}

impl MemoryRateLimiter {
    /// An empty limiter reading time from `clock`.
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        Self {
            clock,
            state: Mutex::new(State::default()),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The time between `now` and `until`, zero when past.
fn left(now: DateTime<Utc>, until: DateTime<Utc>) -> Duration {
    (until - now).to_std().unwrap_or(Duration::ZERO)
}

#[async_trait]
impl RateLimiter for MemoryRateLimiter {
    async fn hit(
        &self,
        key: &str,
        limit: u32,
        window: Duration,
    ) -> Result<RateDecision, RateLimitError> {
        let now = self.clock.now();
        let ends_at = chrono::Duration::from_std(window)
            .ok()
            .and_then(|w| now.checked_add_signed(w))
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        let mut state = self.state();
        state.since_sweep += 1;
        if state.since_sweep >= state.windows.len().max(64) {
            state.windows.retain(|_, w| w.ends_at > now);
            state.since_sweep = 0;
        }
        let entry = state
            .windows
            .entry(key.to_owned())
            .or_insert(Window { count: 0, ends_at });
        if entry.ends_at <= now {
            *entry = Window { count: 0, ends_at };
        }
        entry.count = entry.count.saturating_add(1);
        Ok(RateDecision::of(
            u64::from(entry.count),
            limit,
            left(now, entry.ends_at),
        ))
    }

    async fn peek(&self, key: &str, limit: u32) -> Result<RateDecision, RateLimitError> {
        let now = self.clock.now();
        let state = self.state();
        let (count, ends_at) = match state.windows.get(key) {
            Some(w) if w.ends_at > now => (w.count, w.ends_at),
            _ => (0, now),
        };
        Ok(RateDecision::of(u64::from(count) + 1, limit, left(now, ends_at)).peeked())
    }

    async fn reset(&self, key: &str) -> Result<(), RateLimitError> {
        self.state().windows.remove(key);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use sejour_core::ports::ManualClock;

    use super::*;

    #[tokio::test]
    async fn expired_windows_are_swept() {
        let clock = Arc::new(ManualClock::new(Utc::now()));
        let limiter = MemoryRateLimiter::new(clock.clone());
        for i in 0..100 {
            let _ = limiter
                .hit(&format!("k{i}"), 5, Duration::from_secs(60))
                .await;
        }
        assert_eq!(limiter.state().windows.len(), 100);
        clock.advance(chrono::Duration::seconds(61));
        for _ in 0..100 {
            let _ = limiter.hit("fresh", 500, Duration::from_secs(60)).await;
        }
        assert_eq!(limiter.state().windows.len(), 1);
    }

    #[test]
    fn remaining_counts_down_and_limited_waits_at_least_a_millisecond() {
        let w = Duration::from_secs(1);
        assert_eq!(
            RateDecision::of(1, 3, w),
            RateDecision::Allowed { remaining: 2 }
        );
        assert_eq!(
            RateDecision::of(3, 3, w),
            RateDecision::Allowed { remaining: 0 }
        );
        assert_eq!(
            RateDecision::of(4, 3, Duration::ZERO),
            RateDecision::Limited {
                retry_after: Duration::from_millis(1)
            }
        );
        assert!(!RateDecision::of(1, 0, w).is_allowed());
    }
}
