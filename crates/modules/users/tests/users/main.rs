//! The users context against a real PostgreSQL (one fresh database per test), one
//! module per topic; the shared set-up is in [`support`].
//!
//! Run with `DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod admin;
mod directory;
mod events;
mod http;
mod listing;
mod profile;
mod support;
