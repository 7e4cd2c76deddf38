//! Integration tests of the shared infrastructure against a real PostgreSQL, one fresh
//! database per test (`#[sqlx::test]`, which reads `DATABASE_URL`). One binary keeps
//! link times low.

mod edge;
mod images;
mod mail;
mod queue;
mod rate_limit;
mod scheduler;
mod storage;
