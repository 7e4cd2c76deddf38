//! The outbox and job queue: one PostgreSQL-backed mechanism for domain events and
//! background jobs.
//!
//! - [`outbox`]: write an event or a job inside the caller's transaction.
//! - [`consumer`]: what a consumer implements, and the exactly-once helper.
//! - [`worker`]: claims deliveries (`FOR UPDATE SKIP LOCKED`, leased), runs consumers,
//!   retries with exponential backoff and jitter, dead-letters after N attempts, drains
//!   on shutdown.
//! - [`dead_letters`]: inspection and replay for the administration API.
//! - [`stats`]: depth and age gauges for `/metrics`.

pub mod consumer;
pub mod dead_letters;
pub mod message;
pub mod outbox;
pub mod purge;
pub mod stats;
pub mod worker;

pub use consumer::{Consumer, ConsumerError, Delivery, Subscription};
pub use message::{Message, MessageKind};
pub use outbox::{JobRequest, enqueue, publish};
pub use worker::{Worker, WorkerOptions};

/// The PostgreSQL channel on which new deliveries are announced.
pub const CHANNEL: &str = "sejour_queue";
