//! The Redis connection, used when `REDIS_URL` is set.

use redis::aio::ConnectionManager;

/// A reconnecting Redis client.
#[derive(Clone)]
pub struct RedisClient {
    manager: ConnectionManager,
}

impl RedisClient {
    /// Connects to `url`.
    pub async fn connect(url: &str) -> Result<Self, redis::RedisError> {
        let client = redis::Client::open(url)?;
        let manager = ConnectionManager::new(client).await?;
        Ok(Self { manager })
    }

    /// `PING`.
    pub async fn ping(&self) -> Result<(), redis::RedisError> {
        let mut conn = self.manager.clone();
        redis::cmd("PING")
            .query_async::<String>(&mut conn)
            .await
            .map(|_| ())
    }

    /// A connection handle for commands.
    pub fn connection(&self) -> ConnectionManager {
        self.manager.clone()
    }
}
