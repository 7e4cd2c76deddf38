//! Séjour's shared technical adapters, used by every context and wired by the app:
//! configuration, the database pool and migrations, the outbox and job queue, the
//! scheduler, the HTTP edge, Redis, logs and metrics.

pub mod config;
pub mod db;
pub mod http;
pub mod images;
pub mod mail;
pub mod module;
pub mod queue;
pub mod rate_limit;
pub mod redis;
pub mod scheduler;
pub mod secrets;
pub mod storage;
pub mod store;
pub mod telemetry;
